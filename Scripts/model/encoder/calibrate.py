#!/usr/bin/env python3
"""Where the encoder's cuts fall, from the Swift engine's own readings (how the shipped cuts were set).

  calibrate.py WAYMARK_BINARY [SET ...]     e.g.  calibrate.py .build/debug/waymark v w

(with WAYMARK_RESOURCES set to read a candidate encoder instead of the repository's)

Runs `waymark assess` (which prints each reading's "encoder" probabilities) on the shared
development set (../shared/eval) and on the named probe sets (resources/safeguard/probes), none of
which the encoder was trained on, and prints for several false-alarm shares the crisis cut (share
of none/distress readings at or above it) and the emergency cut (share of readings below
emergency at or above it), with the encoder's own recall at each. Standard library only.
"""

import json
import math
import os
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
PROBES = os.path.join(ROOT, "resources", "safeguard", "probes")
SHARES = (0.005, 0.01, 0.015, 0.02, 0.03, 0.05)
# The false-alarm shares the shipped cuts keep (thresholds.json "method"; eighth session on): the
# crisis and context cuts over none/distress readings, the emergency cuts over readings below
# emergency. A retrain is given the cuts at these same shares, so any gain is separation.
SHIPPED_SHARES = {"crisis": ("crisis", 0.030), "emergency": ("emergency", 0.023),
                  "emergency_corroborated": ("emergency", 0.040), "context": ("crisis", 0.075)}


def readings(binary, path, conversations):
    flag = "--conversations" if conversations else "--jsonl"
    out = subprocess.run([binary, "assess", flag, path], capture_output=True, text=True).stdout
    gold = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    pred = [json.loads(line) for line in out.splitlines() if line.strip()]
    pairs = []
    for g, p in zip(gold, pred):
        turns = zip(g["turns"], p.get("turns", [])) if conversations else [(g, p)]
        pairs += [(gt["level"], pt["encoder"]) for gt, pt in turns if pt.get("encoder")]
    return pairs


def next_float32_up(value):
    """The smallest float32 above `value` (as train.py's cuts, so both sides agree)."""
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    return struct.unpack("<f", struct.pack("<I", bits + 1))[0]


def cut_for(negatives, share):
    ordered = sorted(negatives, reverse=True)
    allowed = int(math.floor(share * len(ordered)))
    return 0.5 if allowed >= len(ordered) else min(0.999, next_float32_up(ordered[allowed]))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, sets = sys.argv[1], sys.argv[2:]
    files = [(os.path.join(EVAL, "dev_messages.jsonl"), False),
             (os.path.join(EVAL, "dev_conversations.jsonl"), True)]
    for name in sets:
        files += [(os.path.join(PROBES, f"set-{name}-messages.jsonl"), False),
                  (os.path.join(PROBES, f"set-{name}-conversations.jsonl"), True)]
    rows = [row for path, conv in files for row in readings(binary, path, conv)]
    calm = [e["crisis"] for level, e in rows if level in ("none", "distress")]
    below = [e["emergency"] for level, e in rows if level != "emergency"]
    risky = [e["crisis"] for level, e in rows if level in ("crisis", "emergency")]
    emergencies = [e["emergency"] for level, e in rows if level == "emergency"]
    print(f"{len(rows)} readings: {len(calm)} none/distress, {len(below)} below emergency")
    for share in SHARES:
        crisis, emergency = cut_for(calm, share), cut_for(below, share)
        print(f"share {share}: crisis cut {crisis:.4f} (encoder alone catches "
              f"{sum(x >= crisis for x in risky) / max(1, len(risky)):.2f}), emergency cut "
              f"{emergency:.4f} ({sum(x >= emergency for x in emergencies) / max(1, len(emergencies)):.2f})")
    print(f"context cut (share 0.05 of none/distress; thresholds.json \"context\"): {cut_for(calm, 0.05):.4f}")
    cuts = {}
    for name, (output, share) in SHIPPED_SHARES.items():
        negatives = calm if output == "crisis" else below
        positives = risky if output == "crisis" else emergencies
        cuts[name] = round(cut_for(negatives, share), 4)
        print(f"{name}: share {share} -> cut {cuts[name]:.4f} (encoder alone catches "
              f"{sum(x >= cuts[name] for x in positives) / max(1, len(positives)):.3f})")
    cuts["crisis_corroborated"] = cuts["crisis"]
    print("cuts at the shipped shares:", json.dumps(cuts, sort_keys=True))


if __name__ == "__main__":
    main()
