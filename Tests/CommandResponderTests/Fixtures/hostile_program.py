#!/usr/bin/env python3
"""Hostile responder programs for Waymark's hardening tests (issue 13), one per mode:
python3 hostile_program.py MODE [ARG]. Every mode stops by itself within 40 s (or 64 MB).

  escape_error   {"error": …} holding OSC 52, ESC[2J and U+202E
  escape_stderr  the same escapes as the last line of stderr, then exit 3 without a reply
  flood          valid deltas as fast as possible
  blank_flood    one delta, then "{}" lines every 0.1 s (no words)
  huge_line      one 16 MB line with no line end
  trickle        one delta every 0.3 s
  empty_done     {"done": true} with no text
  children ARG   starts a child that sleeps 300 s, writes its pid to the file ARG, replies, exits
  environment    replies with the names of the environment variables it got (JSON list)
  quiet          silent for 10 s, then a short reply (waymark-bench idle-cpu)
  steady         20 small deltas a second for 10 s, then done (waymark-bench idle-cpu)
"""
import json
import os
import subprocess
import sys
import time

ESCAPES = "\x1b]52;c;SGFja2VkIGNsaXBib2FyZA==\x07\x1b[2J\u202egnirts desrever\u202c \x9b31m"
mode = sys.argv[1] if len(sys.argv) > 1 else ""
sys.stdin.readline()
start = time.monotonic()


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    if mode == "escape_error":
        say({"error": "broke " + ESCAPES + " down"})
    elif mode == "escape_stderr":
        sys.stderr.write("starting\nfailed " + ESCAPES + " badly\n")
        sys.stderr.flush()
        sys.exit(3)
    elif mode == "flood":
        line = (json.dumps({"delta": "word "}) + "\n") * 1000
        sent = 0
        while time.monotonic() - start < 40 and sent < 64 * 1024 * 1024:
            sys.stdout.write(line)
            sent += len(line)
        sys.stdout.flush()
    elif mode == "blank_flood":
        say({"delta": "Hello. "})
        while time.monotonic() - start < 30:
            say({})
            time.sleep(0.1)
        say({"done": True})
    elif mode == "huge_line":
        block = "a" * 65536
        sys.stdout.write('{"delta": "')
        for _ in range(256):
            sys.stdout.write(block)
        sys.stdout.flush()
    elif mode == "trickle":
        while time.monotonic() - start < 40:
            say({"delta": "and "})
            time.sleep(0.3)
        say({"done": True})
    elif mode == "empty_done":
        say({"done": True})
    elif mode == "children":
        child = subprocess.Popen(["sleep", "300"], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(sys.argv[2], "w") as f:
            f.write(str(child.pid))
        say({"delta": "Bye."})
        say({"done": True})
    elif mode == "environment":
        say({"delta": json.dumps(sorted(os.environ.keys()))})
        say({"done": True})
    elif mode == "quiet":
        time.sleep(10)
        say({"delta": "Still here."})
        say({"done": True})
    elif mode == "steady":
        for index in range(200):
            time.sleep(max(0.0, start + index * 0.05 - time.monotonic()))
            say({"delta": "word "})
        say({"delta": "end."})
        say({"done": True})
except BrokenPipeError:
    pass
