#!/usr/bin/env python3
"""Replies with one delta, complains on stderr and exits with status 3 (no "done")."""
import json, sys
sys.stdin.readline()
print(json.dumps({"delta": "Hello"}), flush=True)
print("model file missing: /nowhere/model.bin", file=sys.stderr, flush=True)
sys.exit(3)
