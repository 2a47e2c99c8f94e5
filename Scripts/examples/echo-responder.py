#!/usr/bin/env python3
"""A tiny Waymark command backend (stdlib only): reflects the person's words back gently.

Protocol (docs/COMMAND-BACKEND.md): read ONE JSON line from stdin
  {"messages": [{"role": "user", "content": "..."}, ...], "guidance": {...}, "system": "..."}
then write JSON lines to stdout, flushing each one:
  {"delta": "some text"} ... {"done": true}      or      {"error": "what went wrong"}
Try it:  waymark chat --backend command --command "python3 Scripts/examples/echo-responder.py"
"""
import json
import sys
import time


def main():
    line = sys.stdin.readline()
    if not line:
        print(json.dumps({"error": "no request received"}), flush=True)
        return 1
    request = json.loads(line)
    said = ""
    for message in reversed(request.get("messages", [])):
        if message.get("role") == "user":
            said = message.get("content", "").strip()
            break
    if said:
        reply = "It sounds like you're saying: \u201c%s\u201d. I'm listening \u2014 tell me more?" % said
    else:
        reply = "I'm here and listening."
    words = reply.split(" ")
    for index, word in enumerate(words):
        piece = word if index == 0 else " " + word
        print(json.dumps({"delta": piece}), flush=True)
        time.sleep(0.01)
    print(json.dumps({"done": True}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
