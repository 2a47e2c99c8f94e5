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
# The figures shown, picked by name (not by line number, which moves when score.py changes).
message_figures="crisis_recall|emergency_recall|emergency_under_crisis|false_alarm_rate|boundary_recall|boundary_category_match|third_person_subject_accuracy"
conversation_figures="crisis_recall|emergency_recall|risk_caught_by_first_risky_turn"
for set in e f g h i j k l m n o p q r s t u v w x y z za zb zc zf zg zh zi zj zk zl zm zn zo zp zq zr zs zt zu zv zw zx zy xa xb xc xd xe xf zz xg xh xi xj xk xl xm xn xo xp xq xr xs xt xu xv xw xx xy xz ya yb yc yd ye; do
    base="resources/safeguard/probes/set-$set"
    "$bin" assess --jsonl "$base-messages.jsonl" >"$work/m.jsonl"
    "$bin" assess --conversations "$base-conversations.jsonl" >"$work/c.jsonl"
    echo "== set $set: messages"
    python3 "$EVAL_DIR/score.py" "$base-messages.jsonl" "$work/m.jsonl" | grep -E "^($message_figures):"
    echo "== set $set: conversations"
    python3 "$EVAL_DIR/score.py" --conversations "$base-conversations.jsonl" "$work/c.jsonl" \
        | grep -E "^($conversation_figures):"
done
