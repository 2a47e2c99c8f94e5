#!/usr/bin/env python3
"""Finishes its reply, then keeps running (Waymark must not wait for it)."""
import json, sys, time
sys.stdin.readline()
print(json.dumps({"delta": "Done"}) + "\n" + json.dumps({"done": True}), flush=True)
time.sleep(300)
