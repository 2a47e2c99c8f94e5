#!/usr/bin/env python3
"""Reads the request and never answers (bounded: gives up after 30 s)."""
import sys, time
sys.stdin.readline()
time.sleep(30)
