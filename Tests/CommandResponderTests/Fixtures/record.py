#!/usr/bin/env python3
"""Echoes back the request line it received, as a single delta."""
import json, sys
line = sys.stdin.readline()
print(json.dumps({"delta": line.rstrip("\n")}), flush=True)
print(json.dumps({"done": True}), flush=True)
