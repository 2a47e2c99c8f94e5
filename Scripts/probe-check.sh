#!/usr/bin/env bash
# Scores `waymark assess` on the probe sets in resources/safeguard/probes (messages and
# conversations) with ../shared/eval/score.py. Information only: every set has been tuned to or read, so these are not blind figures (see the probes README).
# Usage: Scripts/probe-check.sh [WAYMARK_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${EVAL_DIR:-../shared/eval}"
bin="${1:-.build/debug/waymark}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for set in e f g h i j k l m n o; do
    base="resources/safeguard/probes/set-$set"
    "$bin" assess --jsonl "$base-messages.jsonl" >"$work/m.jsonl"
    "$bin" assess --conversations "$base-conversations.jsonl" >"$work/c.jsonl"
    echo "== set $set: messages"
    python3 "$EVAL_DIR/score.py" "$base-messages.jsonl" "$work/m.jsonl" | sed -n '3,6p;9,11p'
    echo "== set $set: conversations"
    python3 "$EVAL_DIR/score.py" --conversations "$base-conversations.jsonl" "$work/c.jsonl" | sed -n '3,4p;14p'
done
