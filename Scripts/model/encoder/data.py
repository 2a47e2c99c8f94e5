"""Training and evaluation examples for Waymark's contextual encoder.

An example is a list of text segments (the current message last, up to two previous user turns
before it) with two targets: crisis-or-above, and emergency (None where the source does not say).

Sources (all written by us, never the shared evaluation set):
  * resources/safeguard/model/corpus.jsonl   templated corpus (label suicidal/benign/danger, kind)
  * resources/safeguard/model/holdout.jsonl  hand-written sentences (sets a, b, c)
  * resources/safeguard/probes/set-*-messages.jsonl, set-*-conversations.jsonl   probe sets
  * resources/safeguard/training/*-messages.jsonl, *-conversations.jsonl          training sets
Sets named in BLIND are never read here.
"""

import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MODEL_DIR = os.path.join(ROOT, "resources", "safeguard", "model")
PROBES_DIR = os.path.join(ROOT, "resources", "safeguard", "probes")
TRAINING_DIR = os.path.join(ROOT, "resources", "safeguard", "training")
SUITES = [os.path.join(ROOT, "resources", "scenarios", "suites", "conversation-policy.jsonl")]

LEVELS = ["none", "distress", "boundary", "crisis", "emergency"]
RANK = {name: i for i, name in enumerate(LEVELS)}

# Blind sets: kept out of every training run until their final blind figures are recorded.
# (m, n and o were scored blind in the fourth session and trained on from the sixth; p-u were
# scored blind in the sixth and seventh sessions and are trained on from the eighth. v and w,
# read after their blind scoring, are kept out of training so the cuts can be placed on them.)
BLIND = {"v", "w"}
# Corpus kinds whose messages are an act done or someone else's act now: emergency.
CORPUS_EMERGENCY_KINDS = {"act_done", "other_act"}
# The corpus kind `threat_other` mixes five situations under one "benign" label; read each by
# what its template says (patterns over the lower-cased text, in order; the first that matches).
#   danger now (emergency): a threat to kill with a knife or tonight, "is going to kill me";
#   threats (crisis, emergency unknown): "keeps threatening to kill me", "if i leave";
#   abuse, harm-to-others urges, being told to die (boundary: neither target);
#   hyperbole ("i could kill them sometimes, they drive me mad": none).
THREAT_OTHER_READINGS = [
    (("knife", "tonight", "going to kill me", "going to hurt me"), 1.0, 1.0),
    (("threatening to kill", "kill me if i leave", "ll kill me"), 1.0, None),
    (("drive me mad",), 0.0, 0.0),
]

# Corpus lines kept (a stratified sample: the templates repeat themselves).
CORPUS_SAMPLE = 4000
# Hand-written examples count this many times against the templates.
HAND_WEIGHT = 2.0
# Previous user turns read with each conversation turn.
CONTEXT_TURNS = 2


class Example:
    __slots__ = ("segments", "crisis", "emergency", "weight", "group", "ident", "level")

    def __init__(self, segments, crisis, emergency, weight, group, ident, level=None):
        self.segments = segments
        self.crisis = crisis
        self.emergency = emergency
        self.weight = weight
        self.group = group
        self.ident = ident
        self.level = level


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_examples(seed=13):
    rows = read_jsonl(os.path.join(MODEL_DIR, "corpus.jsonl"))
    by_kind = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    rng = random.Random(seed)
    share = CORPUS_SAMPLE / len(rows)
    examples = []
    for kind in sorted(by_kind):
        group = by_kind[kind]
        take = max(20, round(len(group) * share))
        picked = rng.sample(group, min(take, len(group)))
        for index, row in enumerate(picked):
            if kind == "threat_other":
                crisis, emergency = threat_other_reading(row["text"])
                examples.append(Example([row["text"]], crisis, emergency, 1.0, "corpus",
                                        f"corpus-{kind}-{index}"))
                continue
            crisis = row["label"] in ("suicidal", "danger")
            emergency = 1.0 if kind in CORPUS_EMERGENCY_KINDS else (0.0 if not crisis else None)
            examples.append(Example([row["text"]], float(crisis), emergency, 1.0, "corpus",
                                    f"corpus-{kind}-{index}"))
    return examples


def threat_other_reading(text):
    """(crisis, emergency) for a `threat_other` corpus line (see THREAT_OTHER_READINGS)."""
    lowered = text.lower()
    for patterns, crisis, emergency in THREAT_OTHER_READINGS:
        if any(pattern in lowered for pattern in patterns):
            return crisis, emergency
    return 0.0, 0.0  # abuse, urges to hurt someone, being told to die: boundary


def suite_examples(path):
    """Turns of a scenario suite (each turn's `expect.level`), read with their earlier turns."""
    examples = []
    for conversation in read_jsonl(path):
        texts = []
        for number, turn in enumerate(conversation["turns"]):
            level_name = turn.get("expect", {}).get("level")
            if level_name in RANK:
                level = RANK[level_name]
                segments = texts[-CONTEXT_TURNS:] + [turn["text"]]
                examples.append(Example(segments, float(level >= 3), float(level == 4), HAND_WEIGHT,
                                        "suite", f"{conversation.get('id', '')}#{number}", level_name))
            texts.append(turn["text"])
    return examples


def message_examples(path, group):
    examples = []
    for row in read_jsonl(path):
        level = RANK[row["level"]]
        examples.append(Example([row["text"]], float(level >= 3), float(level == 4), HAND_WEIGHT,
                                group, row.get("id", ""), row["level"]))
    return examples


def conversation_examples(path, group):
    examples = []
    for conversation in read_jsonl(path):
        texts = []
        for number, turn in enumerate(conversation["turns"]):
            level = RANK[turn["level"]]
            segments = texts[-CONTEXT_TURNS:] + [turn["text"]]
            examples.append(Example(segments, float(level >= 3), float(level == 4), HAND_WEIGHT,
                                    group, f"{conversation.get('id', '')}#{number}", turn["level"]))
            texts.append(turn["text"])
    return examples


def holdout_examples():
    examples = []
    for row in read_jsonl(os.path.join(MODEL_DIR, "holdout.jsonl")):
        crisis = row["label"] == "suicidal"
        examples.append(Example([row["text"]], float(crisis), None if crisis else 0.0, HAND_WEIGHT,
                                f"holdout-{row.get('set', 'x')}", row.get("id", "")))
    return examples


def set_files():
    """(group, messages path or None, conversations path or None) for every hand-written set."""
    found = []
    for folder, prefix in ((PROBES_DIR, "set-"), (TRAINING_DIR, "")):
        if not os.path.isdir(folder):
            continue
        names = sorted(os.listdir(folder))
        groups = sorted({n[: -len("-messages.jsonl")] for n in names if n.endswith("-messages.jsonl")}
                        | {n[: -len("-conversations.jsonl")] for n in names
                           if n.endswith("-conversations.jsonl")})
        for name in groups:
            group = name[len(prefix):] if name.startswith(prefix) else name
            if group in BLIND:
                continue
            messages = os.path.join(folder, f"{name}-messages.jsonl")
            conversations = os.path.join(folder, f"{name}-conversations.jsonl")
            found.append((group, messages if os.path.exists(messages) else None,
                          conversations if os.path.exists(conversations) else None))
    return found


def all_examples():
    """Every training example: the corpus sample, the holdout, the suites and every non-blind set."""
    examples = corpus_examples() + holdout_examples()
    for path in SUITES:
        if os.path.exists(path):
            examples += suite_examples(path)
    for group, messages, conversations in set_files():
        if messages:
            examples += message_examples(messages, group)
        if conversations:
            examples += conversation_examples(conversations, group)
    return examples


def labelled_file_examples(path, conversations):
    """Examples of one labelled file (for scoring a set, blind or not)."""
    return conversation_examples(path, "eval") if conversations else message_examples(path, "eval")
