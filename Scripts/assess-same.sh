#!/usr/bin/env bash
# Checks that two `waymark` binaries assess alike: `assess --jsonl` on every probe set's messages
# and the development messages, `assess --conversations` on every probe set's conversations and
# the development conversations, byte for byte (for work on the engine's speed that must change
# no decision). Extra JSON-lines files (fuzzed, long messages) may be given after the binaries.
# Usage: Scripts/assess-same.sh BEFORE AFTER [--bench-without-encoder] [EXTRA.jsonl ...]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL_DIR="${EVAL_DIR:-../shared/eval}"
before="$1"
after="$2"
shift 2
mode=()
if [ "${1:-}" = "--bench-without-encoder" ]; then
    mode=(--bench-without-encoder)
    shift
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export WAYMARK_RESOURCES="${WAYMARK_RESOURCES:-$PWD/resources}"
messages=(resources/safeguard/probes/*-messages.jsonl "$EVAL_DIR/dev_messages.jsonl" "$@")
conversations=(resources/safeguard/probes/*-conversations.jsonl "$EVAL_DIR/dev_conversations.jsonl")
differ=0
for file in "${messages[@]}" "${conversations[@]}"; do
    kind=--jsonl
    case "$file" in *conversations*) kind=--conversations ;; esac
    for side in before after; do
        bin="$before"
        [ "$side" = after ] && bin="$after"
        status=0
        "$bin" assess "$kind" ${mode[@]+"${mode[@]}"} <"$file" >"$work/$side" 2>/dev/null || status=$?
        echo "exit $status" >>"$work/$side"
    done
    if cmp -s "$work/before" "$work/after"; then
        echo "same: $file"
    else
        echo "DIFFERENT: $file"
        diff "$work/before" "$work/after" | head -5
        differ=1
    fi
done
exit "$differ"
