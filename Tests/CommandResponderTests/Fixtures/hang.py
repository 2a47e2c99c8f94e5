#!/usr/bin/env python3
"""Reads the request and never answers (bounded: gives up after 30 s).
With an argument, first writes its process id to that file."""
import os, sys, time
if len(sys.argv) > 1:
    with open(sys.argv[1], "w") as f:
        f.write(str(os.getpid()))
sys.stdin.readline()
time.sleep(300)
