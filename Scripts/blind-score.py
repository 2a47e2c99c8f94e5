#!/usr/bin/env python3
"""Figures only, never text: how a waymark binary reads labelled sets (for sealed blind sets).

  Scripts/blind-score.py BINARY FOLDER SET [SET ...]      e.g.
  Scripts/blind-score.py .build/release/waymark resources/safeguard/blind xx xy

Runs `waymark assess --jsonl` on FOLDER/set-SET-messages.jsonl and `--conversations` on
FOLDER/set-SET-conversations.jsonl, prints ../shared/eval/score.py's headline figures for each set,
then counts pooled over all the sets (the form the protocol's rules are written in). Prints no
message text, so a sealed set stays unread. WAYMARK_RESOURCES picks a candidate's resources.
"""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORE = os.path.join(ROOT, "..", "shared", "eval", "score.py")
RANK = {"none": 0, "distress": 1, "boundary": 2, "crisis": 3, "emergency": 4}
MESSAGE_FIGURES = ("crisis_recall", "emergency_recall", "emergency_under_crisis", "false_alarm_rate",
                   "idiom_false_alarm_rate", "boundary_recall", "third_person_subject_accuracy")
CONVERSATION_FIGURES = ("crisis_recall", "emergency_recall", "false_alarm_rate", "risk_caught_by_first_risky_turn")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assess(binary, flag, path, out):
    with open(out, "w", encoding="utf-8") as handle:
        subprocess.run([binary, "assess", flag, path], stdout=handle, stderr=subprocess.DEVNULL, check=False)
    return load(out)


def headline(args, wanted):
    text = subprocess.run([sys.executable, SCORE, *args], capture_output=True, text=True).stdout
    return [line for line in text.splitlines() if line.split(":")[0] in wanted]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, folder, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
    count = dict.fromkeys(("risky", "crisis", "emergencies", "emergency", "below", "calm", "alarms", "flagged",
                           "boundaries", "boundary", "turns_risky", "turns_crisis", "turns_emergencies",
                           "turns_emergency", "turns_calm", "turns_alarms", "conversations", "first"), 0)
    with tempfile.TemporaryDirectory() as work:
        for name in sets:
            messages = os.path.join(folder, f"set-{name}-messages.jsonl")
            conversations = os.path.join(folder, f"set-{name}-conversations.jsonl")
            read = assess(binary, "--jsonl", messages, os.path.join(work, "m.jsonl"))
            print(f"== {name} messages")
            print("\n".join(headline([messages, os.path.join(work, "m.jsonl")], MESSAGE_FIGURES)))
            for gold, got in zip(load(messages), read):
                wanted, level = RANK[gold["level"]], RANK.get(got.get("level"), -1)
                if wanted >= RANK["crisis"]:
                    count["risky"] += 1
                    count["crisis"] += level >= RANK["crisis"]
                if wanted == RANK["emergency"]:
                    count["emergencies"] += 1
                    count["emergency"] += level == RANK["emergency"]
                    count["below"] += level < RANK["crisis"]
                if wanted <= RANK["distress"]:
                    count["calm"] += 1
                    count["alarms"] += level >= RANK["crisis"]
                    count["flagged"] += level >= RANK["boundary"]
                if wanted == RANK["boundary"]:
                    count["boundaries"] += 1
                    count["boundary"] += level >= RANK["boundary"]
            read = assess(binary, "--conversations", conversations, os.path.join(work, "c.jsonl"))
            print(f"== {name} conversations")
            print("\n".join(headline(["--conversations", conversations, os.path.join(work, "c.jsonl")],
                                     CONVERSATION_FIGURES)))
            for gold, got in zip(load(conversations), read):
                first = True
                for turn, reading in zip(gold["turns"], got.get("turns", [])):
                    wanted, level = RANK[turn["level"]], RANK.get(reading.get("level"), -1)
                    if wanted >= RANK["crisis"]:
                        count["turns_risky"] += 1
                        count["turns_crisis"] += level >= RANK["crisis"]
                        if first:
                            count["conversations"] += 1
                            count["first"] += level >= RANK["crisis"]
                            first = False
                    if wanted == RANK["emergency"]:
                        count["turns_emergencies"] += 1
                        count["turns_emergency"] += level == RANK["emergency"]
                    if wanted <= RANK["distress"]:
                        count["turns_calm"] += 1
                        count["turns_alarms"] += level >= RANK["crisis"]
    c = count
    print(f"== pooled over {' '.join(sets)}")
    print(f"messages: crisis {c['crisis']}/{c['risky']}, emergency {c['emergency']}/{c['emergencies']} "
          f"({c['below']} below crisis), false alarms {c['alarms']}/{c['calm']}, "
          f"boundary {c['boundary']}/{c['boundaries']}, calm read boundary or more {c['flagged']}/{c['calm']}")
    print(f"conversation turns: crisis {c['turns_crisis']}/{c['turns_risky']}, emergency "
          f"{c['turns_emergency']}/{c['turns_emergencies']}, false alarms {c['turns_alarms']}/{c['turns_calm']}, "
          f"first risky turn caught {c['first']}/{c['conversations']}")


if __name__ == "__main__":
    main()
