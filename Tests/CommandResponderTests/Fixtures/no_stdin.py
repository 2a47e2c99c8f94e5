#!/usr/bin/env python3
"""Exits at once without reading its input."""
import sys
sys.exit(0)
