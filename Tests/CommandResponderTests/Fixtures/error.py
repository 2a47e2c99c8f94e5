#!/usr/bin/env python3
"""Reports an error through the protocol."""
import json, sys
sys.stdin.readline()
print(json.dumps({"error": "the model is still loading"}), flush=True)
