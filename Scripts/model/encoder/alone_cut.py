#!/usr/bin/env python3
"""Where the encoder's emergency output may count on its own (thresholds.json: emergency_alone).

Usage (from the repository root, after `swift build -c release`):

    python3 Scripts/model/encoder/alone_cut.py .build/release/waymark [RESOURCES]

Reads every probe set in resources/safeguard/probes and the development set with the engine as
it is (`assess --jsonl` for messages, `assess --conversations` for conversations), then asks, for
each pair of cuts (emergency output, crisis output): which readings now below emergency would the
rule raise? It counts, for messages and for conversations' first turns (read without earlier
turns, as the rule is), the emergencies gained, the calm (none/distress) readings raised and the
boundary/crisis readings raised; and, for later turns (never raised by the rule), what the same
cuts would do there, which is why the rule stays out of them. RESOURCES defaults to `resources`;
to place the cuts, point it at resources whose thresholds.json has no emergency_alone (the
figures are then of the rule's own effect).
"""
import glob
import json
import os
import subprocess
import sys

LEVELS = {name: rank for rank, name in enumerate(["none", "distress", "boundary", "crisis", "emergency"])}
PROBES = "resources/safeguard/probes"
DEV = "../shared/eval"


def sets():
    names = sorted(os.path.basename(p)[4:-len("-messages.jsonl")] for p in glob.glob(f"{PROBES}/set-*-messages.jsonl"))
    pairs = [(f"{PROBES}/set-{n}-messages.jsonl", f"{PROBES}/set-{n}-conversations.jsonl") for n in names]
    pairs.append((f"{DEV}/dev_messages.jsonl", f"{DEV}/dev_conversations.jsonl"))
    return pairs


def read(binary, env, mode, path):
    out = subprocess.run([binary, "assess", mode, path], env=env, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def main():
    binary = sys.argv[1]
    env = dict(os.environ, WAYMARK_RESOURCES=sys.argv[2] if len(sys.argv) > 2 else "resources")
    alone, later = [], []  # (gold level, engine reading)
    for messages, conversations in sets():
        gold = [json.loads(line) for line in open(messages) if line.strip()]
        alone += [(g["level"], p) for g, p in zip(gold, read(binary, env, "--jsonl", messages))]
        gold = [json.loads(line) for line in open(conversations) if line.strip()]
        for g, p in zip(gold, read(binary, env, "--conversations", conversations)):
            seen = False
            for index, (turn, reading) in enumerate(zip(g["turns"], p["turns"])):
                if index == 0:
                    alone.append((turn["level"], reading))
                elif not seen:
                    later.append((turn["level"], reading))
                seen = seen or reading["level"] == "emergency"
    print(f"{len(alone)} readings without earlier turns, {len(later)} later turns before any emergency")
    print("emergency crisis | alone: gained calm-raised boundary/crisis-raised | later: gained other-raised")
    for emergency in (0.90, 0.91, 0.92, 0.93, 0.94):
        for crisis in (0.70, 0.75, 0.80, 0.85, 0.90):
            def count(pairs):
                gained = calm = other = 0
                for gold, reading in pairs:
                    encoder = reading.get("encoder")
                    if not isinstance(encoder, dict) or LEVELS[reading["level"]] == 4:
                        continue
                    if encoder["emergency"] < emergency or encoder["crisis"] < crisis:
                        continue
                    rank = LEVELS[gold]
                    gained += rank == 4
                    calm += rank <= 1
                    other += 2 <= rank <= 3
                return gained, calm, other
            a, l = count(alone), count(later)
            print(f"{emergency:.2f} {crisis:.2f} | {a[0]:4} {a[1]:3} {a[2]:3} | {l[0]:4} {l[1] + l[2]:3}")


if __name__ == "__main__":
    main()
