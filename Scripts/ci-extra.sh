#!/usr/bin/env bash
# Checks beyond `swift test`, run by .ci/run after the tests (uses the debug build).
# Needs ../shared (the evaluation set) beside the checkout; skipped with a note when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/waymark
shared=../shared

echo "-- service directory is up to date with its generator"
python3 Scripts/build-directory.py --check

if [ ! -d "$shared/eval" ]; then
    echo "(no $shared/eval: skipping the evaluation checks)"
    exit 0
fi

echo "-- safeguard figures on the development set"
Scripts/eval-check.sh "$bin"

echo "-- replay of the labelled conversations: referrals, 999 first, nothing unsafe"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" replay --format jsonl "$shared/eval/dev_conversations.jsonl" > "$tmp/replay.jsonl"
python3 Scripts/replay-check.py "$shared/eval/dev_conversations.jsonl" "$tmp/replay.jsonl" \
    resources/services/directory.json --no-false-emergencies

echo "-- replay of the probe conversations: no safeguard message repeated after an emergency"
cat resources/safeguard/probes/set-*-conversations.jsonl > "$tmp/probes.jsonl"
"$bin" replay --format jsonl "$tmp/probes.jsonl" > "$tmp/probes-replay.jsonl"
python3 Scripts/replay-check.py "$tmp/probes.jsonl" "$tmp/probes-replay.jsonl" \
    resources/services/directory.json --repeats-only
