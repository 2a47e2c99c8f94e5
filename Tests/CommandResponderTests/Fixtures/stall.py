#!/usr/bin/env python3
"""Starts replying, then falls silent (bounded: 30 s)."""
import json, sys, time
sys.stdin.readline()
print(json.dumps({"delta": "I hear"}), flush=True)
time.sleep(30)
