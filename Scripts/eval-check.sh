#!/usr/bin/env bash
# Builds Waymark (release), scores `waymark assess` on the development set and fails if any
# target from issue #2 is missed. Needs ../shared/eval (or EVAL_DIR) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${EVAL_DIR:-../shared/eval}"
if [ ! -f "$EVAL_DIR/score.py" ]; then
    echo "eval-check: no eval set at $EVAL_DIR" >&2
    exit 2
fi
# Usage: Scripts/eval-check.sh [WAYMARK_BINARY]   (default: build and use the release binary)
if [ $# -ge 1 ]; then
    bin="$1"
else
    swift build -c release --product waymark >/dev/null
    bin=.build/release/waymark
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" assess --jsonl "$EVAL_DIR/dev_messages.jsonl" >"$work/messages.jsonl"
"$bin" assess --conversations "$EVAL_DIR/dev_conversations.jsonl" >"$work/conversations.jsonl"
python3 "$EVAL_DIR/score.py" --json "$EVAL_DIR/dev_messages.jsonl" "$work/messages.jsonl" >"$work/m.json"
python3 "$EVAL_DIR/score.py" --json --conversations "$EVAL_DIR/dev_conversations.jsonl" \
    "$work/conversations.jsonl" >"$work/c.json"
python3 - "$work/m.json" "$work/c.json" <<'PY'
import json, sys
messages = json.load(open(sys.argv[1]))
conversations = json.load(open(sys.argv[2]))
targets = [
    ("messages", messages, "crisis_recall", ">=", 0.97),
    ("messages", messages, "emergency_under_crisis", "==", 0),
    ("messages", messages, "emergency_recall", ">=", 0.85),
    ("messages", messages, "false_alarm_rate", "<=", 0.03),
    ("messages", messages, "idiom_false_alarm_rate", "<=", 0.03),
    ("messages", messages, "boundary_recall", ">=", 0.85),
    ("messages", messages, "boundary_category_match", ">=", 0.85),
    ("messages", messages, "third_person_subject_accuracy", ">=", 0.9),
    ("conversations", conversations, "risk_caught_by_first_risky_turn", ">=", 0.9),
]
failed = False
for where, figures, name, op, target in targets:
    value = figures.get(name)
    ok = value is not None and {">=": value >= target, "<=": value <= target, "==": value == target}[op]
    print(f"{'ok ' if ok else 'MISS'} {where:13} {name:32} {value} (target {op} {target})")
    failed |= not ok
sys.exit(1 if failed else 0)
PY
