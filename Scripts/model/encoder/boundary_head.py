"""The encoder's boundary head: is a message beyond peer support (a boundary topic), and which topic?

The shipped encoder (`resources/safeguard/encoder/encoder.bin`) was fine-tuned for two outputs,
crisis-or-above and emergency. This script leaves it untouched and fits two small linear heads on
its pooled vector (mean of the last layer over the tokens, L2-normalised, x10: what the crisis
head reads), computed from the model file exactly as the Swift side computes it (int8 rows
dequantised):

  * boundary: logistic regression, boundary examples against none/distress ones (crisis and
    emergency examples are left out: the crisis output reads those);
  * topic: multinomial logistic regression over the boundary topics (every category but suicide
    and self-harm, which are the crisis output's), on boundary examples by their first such
    category.

Data: every hand-written set in resources/safeguard/probes and resources/safeguard/training (sets
only land there after their blind scoring), each conversation turn read with its two previous user
turns, a long message in windows (every window carries its example's label; its reading is the
highest). The shared development set (../shared/eval) is never trained on: it is only reported.

The boundary cut is placed by leave-one-set-out cross-validation: each set is read by a head
fitted without it, and the cut is where SHARE of the out-of-fold none/distress readings score at
or above it. Deterministic (full-batch L-BFGS from zeros, float64; no random state).

  HF_HUB_OFFLINE=1 python -u boundary_head.py            # -> resources/safeguard/encoder/boundary-head.json
  HF_HUB_OFFLINE=1 python -u boundary_head.py --report   # the cross-validated figures only

About 20 minutes here on two shared cores (reading ~11,000 examples with the encoder, then 27
leave-one-set-out fits); the pooled vectors are kept in $WAYMARK_ENCODER_WORK for a rerun.
"""

import argparse
import glob
import hashlib
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import model as M  # noqa: E402

ENCODER_DIR = os.path.join(data.ROOT, "resources", "safeguard", "encoder")
OUT = os.path.join(ENCODER_DIR, "boundary-head.json")
EVAL_DIR = os.path.join(os.path.dirname(data.ROOT), "shared", "eval")
# Share of out-of-fold none/distress readings at or above the boundary cut (the encoder's crisis
# output uses 3% for its very-sure cut; a boundary is a gentler answer than a crisis, but ordinary
# chat must stay ordinary, so the same share).
SHARE = 0.03
NOT_TOPICS = {"suicide", "self_harm"}
# The head names a topic only when its softmax gives it at least this probability (out of fold, the
# topic was right for 0.75 of boundary examples, 0.80 of the 89% it was this sure of); below it the
# boundary is a general one (the crisis line, not a specialist service for the wrong topic).
TOPIC_MIN_PROBABILITY = 0.5
GOLDEN_TEXTS = [
    ["he checks my phone every night and i'm not allowed my own bank card"],
    ["my uncle touches me when he babysits and says it's our secret"],
    ["i keep hearing them through the walls, they know what i'm thinking"],
    ["i haven't eaten properly in days and i feel huge"],
    ["how many paracetamol can you take with a hangover"],
    ["lovely walk by the river today, the dog loved it"],
    ["this essay is killing me lol"],
    ["we argued again", "he shouted", "he threw my phone at the wall last night"],
    ["word " * 300],
]


def rows_of(path, conversations, group):
    rows = []
    for item in data.read_jsonl(path):
        if conversations:
            texts = []
            for number, turn in enumerate(item["turns"]):
                rows.append((group, f"{item['id']}#{number}", texts[-data.CONTEXT_TURNS:] + [turn["text"]],
                             turn["level"], turn.get("categories", [])))
                texts.append(turn["text"])
        else:
            rows.append((group, item["id"], [item["text"]], item["level"], item.get("categories", [])))
    return rows


def labelled_rows():
    rows = []
    for folder, prefix in ((data.PROBES_DIR, "set-"), (data.TRAINING_DIR, "")):
        for path in sorted(glob.glob(os.path.join(folder, prefix + "*-messages.jsonl"))):
            group = os.path.basename(path)[len(prefix): -len("-messages.jsonl")]
            rows += rows_of(path, False, group)
        for path in sorted(glob.glob(os.path.join(folder, prefix + "*-conversations.jsonl"))):
            group = os.path.basename(path)[len(prefix): -len("-conversations.jsonl")]
            rows += rows_of(path, True, group)
    for name, conversations in (("dev_messages.jsonl", False), ("dev_conversations.jsonl", True)):
        path = os.path.join(EVAL_DIR, name)
        if os.path.exists(path):
            rows += rows_of(path, conversations, "dev")
    return rows


@torch.no_grad()
def pooled_vectors(model, tokenizer, segment_lists, batch=64):
    """(vectors × SCALE, owner index) over every window of every example."""
    flat, owner = [], []
    for index, segments in enumerate(segment_lists):
        for ids in M.pack(tokenizer, segments, all_windows=True):
            flat.append(ids)
            owner.append(index)
    order = sorted(range(len(flat)), key=lambda i: len(flat[i]))
    vectors = np.zeros((len(flat), model.bert.config.hidden_size), dtype=np.float64)
    for start in range(0, len(order), batch):
        chunk = order[start: start + batch]
        ids, mask = M.batch_tensors([flat[i] for i in chunk], tokenizer.pad_token_id)
        vectors[chunk] = model.pooled(ids, mask).double().numpy()
    return vectors * M.SCALE, np.array(owner)


def cached_vectors(model, tokenizer, rows):
    """pooled_vectors of every row, kept in $WAYMARK_ENCODER_WORK keyed by the model file and the
    texts (the pooled vector does not depend on the output layer, so a refit head reuses them)."""
    cache = os.path.join(os.environ.get("WAYMARK_ENCODER_WORK", "/tmp/waymark-encoder"), "boundary-vectors.npz")
    key = hashlib.sha256(json.dumps([row[2] for row in rows]).encode())
    for name, tensor in model.named_parameters():
        if not name.startswith("head."):
            key.update(tensor.detach().numpy().tobytes())
    key = key.hexdigest()
    if os.path.exists(cache) and str(np.load(cache)["key"]) == key:
        stored = np.load(cache)
        return stored["vectors"], stored["owner"]
    vectors, owner = pooled_vectors(model, tokenizer, [row[2] for row in rows])
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    np.savez(cache, key=key, vectors=vectors, owner=owner)
    return vectors, owner


def fit(features, targets, classes):
    """L2-regularised logistic (classes == 1: sigmoid; else softmax) regression: mean log loss +
    ||W||² / (2n), the intercept not penalised (scikit-learn's C = 1). Returns (W, b)."""
    x = torch.from_numpy(features)
    n, width = x.shape
    outputs = 1 if classes == 1 else classes
    weight = torch.zeros((outputs, width), dtype=torch.float64, requires_grad=True)
    bias = torch.zeros(outputs, dtype=torch.float64, requires_grad=True)
    y = torch.from_numpy(targets)
    optimiser = torch.optim.LBFGS([weight, bias], lr=1, max_iter=500, tolerance_grad=1e-9,
                                  tolerance_change=1e-12, history_size=20, line_search_fn="strong_wolfe")

    def closure():
        optimiser.zero_grad()
        logits = x @ weight.T + bias
        if classes == 1:
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[:, 0], y.double())
        else:
            loss = torch.nn.functional.cross_entropy(logits, y.long())
        loss = loss + (weight * weight).sum() / (2 * n)
        loss.backward()
        return loss

    optimiser.step(closure)
    return weight.detach().numpy(), bias.detach().numpy()


def read_example(windows, weight, bias, topic_weight, topic_bias):
    """As the Swift side reads a message: the highest boundary probability over its windows, and
    the topic (index, softmax probability) of that window."""
    logits = windows @ weight[0] + bias[0]
    best = int(np.argmax(logits))
    topic_logits = windows[best] @ topic_weight.T + topic_bias
    shares = np.exp(topic_logits - topic_logits.max())
    shares /= shares.sum()
    return float(1 / (1 + np.exp(-logits[best]))), int(np.argmax(shares)), float(shares.max())


def highest_per_example(scores, owner, count):
    out = np.full(count, -np.inf)
    np.maximum.at(out, owner, scores)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", action="store_true", help="cross-validated figures only, write nothing")
    args = parser.parse_args()
    model, _ = M.read_model_file(os.path.join(ENCODER_DIR, "encoder.bin"))
    tokenizer = M.load_tokenizer()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    rows = labelled_rows()
    levels = np.array([data.RANK[row[3]] for row in rows])
    groups = np.array([row[0] for row in rows])
    vectors, owner = cached_vectors(model, tokenizer, rows)
    print(f"{len(rows)} examples, {len(vectors)} windows")

    train_rows = (groups != "dev") & (levels <= data.RANK["boundary"])
    boundary_target = (levels == data.RANK["boundary"]).astype(np.float64)
    topics = sorted({c for row in rows for c in row[4] if c not in NOT_TOPICS})
    first_topic = np.array([next((topics.index(c) for c in row[4] if c not in NOT_TOPICS), -1) for row in rows])
    topic_rows = (groups != "dev") & (levels == data.RANK["boundary"]) & (first_topic >= 0)

    def boundary_head(row_mask):
        windows = row_mask[owner]
        return fit(vectors[windows], boundary_target[owner][windows], 1)

    def topic_head(row_mask):
        windows = row_mask[owner]
        return fit(vectors[windows], first_topic[owner][windows], len(topics))

    # Leave one set out: every set (and the dev set) read by heads fitted without it.
    out_of_fold = np.zeros(len(rows))
    topic_right = topic_total = sure_right = sure_total = 0
    for group in sorted(set(groups)):
        held = groups == group
        weight, bias = boundary_head(train_rows & ~held)
        windows = held[owner]
        scores = vectors[windows] @ weight[0] + bias[0]
        out_of_fold[held] = highest_per_example(scores, owner[windows], len(rows))[held]
        if group != "dev" and (topic_rows & held).any():
            tw, tb = topic_head(topic_rows & ~held)
            for index in np.where(topic_rows & held)[0]:
                _, best, probability = read_example(vectors[owner == index], weight, bias, tw, tb)
                right = topics[best] in rows[index][4]
                topic_right += right
                topic_total += 1
                if probability >= TOPIC_MIN_PROBABILITY:
                    sure_right += right
                    sure_total += 1
    trained = groups != "dev"
    calm = trained & (levels <= data.RANK["distress"])
    boundary = trained & (levels == data.RANK["boundary"])
    cut_logit = float(np.quantile(out_of_fold[calm], 1 - SHARE, method="higher"))
    report = {"examples": int(trained.sum()), "sets": len(set(groups[trained])),
              "topic_right_out_of_fold": round(topic_right / max(1, topic_total), 3),
              "topic_sure_share_out_of_fold": round(sure_total / max(1, topic_total), 3),
              "topic_right_when_sure_out_of_fold": round(sure_right / max(1, sure_total), 3),
              "boundary_recall_out_of_fold": {}}
    for share in (0.01, 0.03, 0.05, 0.10):
        cut = np.quantile(out_of_fold[calm], 1 - share, method="higher")
        dev_boundary = (groups == "dev") & (levels == data.RANK["boundary"])
        dev_calm = (groups == "dev") & (levels <= data.RANK["distress"])
        report["boundary_recall_out_of_fold"][f"{share:.2f}"] = {
            "sets": round(float((out_of_fold[boundary] >= cut).mean()), 3),
            "dev": round(float((out_of_fold[dev_boundary] >= cut).mean()), 3),
            "dev_calm_share": round(float((out_of_fold[dev_calm] >= cut).mean()), 3),
        }
    print(json.dumps(report, indent=2))
    if args.report:
        return

    weight, bias = boundary_head(train_rows)
    topic_weight, topic_bias = topic_head(topic_rows)
    cut = 1 / (1 + np.exp(-cut_logit))
    golden = []
    for segments in GOLDEN_TEXTS:
        v, _ = pooled_vectors(model, tokenizer, [segments])
        probability, best, topic_probability = read_example(v, weight, bias, topic_weight, topic_bias)
        golden.append({"segments": segments, "boundary": probability, "topic": topics[best],
                       "topic_probability": topic_probability})
    head = {
        "format": "waymark-encoder-head-1",
        "reads": "the encoder's pooled vector (mean of the last layer, L2-normalised) x scale",
        "scale": M.SCALE,
        "hidden": int(vectors.shape[1]),
        "boundary": {"weight": [float(f"{w:.9g}") for w in weight[0]], "bias": float(f"{bias[0]:.9g}"),
                     "cut": float(f"{cut:.6g}")},
        "topics": {"names": topics,
                   "weight": [[float(f"{w:.9g}") for w in row] for row in topic_weight],
                   "bias": [float(f"{b:.9g}") for b in topic_bias],
                   "min_probability": TOPIC_MIN_PROBABILITY},
        "method": (f"boundary: logistic regression, boundary vs none/distress examples; topic: "
                   f"multinomial over boundary examples' first topic; cut where {SHARE:.0%} of "
                   f"leave-one-set-out none/distress readings score at or above it "
                   f"(Scripts/model/encoder/boundary_head.py)"),
        "cross_validation": report,
        "golden": golden,
    }
    with open(OUT, "w") as handle:
        json.dump(head, handle, indent=1, sort_keys=True)
        handle.write("\n")
    os.chmod(OUT, 0o644)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
