#!/usr/bin/env python3
"""Prints something that is not the JSON-lines protocol, then keeps running."""
import sys, time
sys.stdin.readline()
print("Traceback (most recent call last): oops", flush=True)
time.sleep(300)
