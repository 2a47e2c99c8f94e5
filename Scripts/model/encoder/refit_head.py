"""The encoder's output layer (crisis-or-above, emergency) refit on every hand-written set.

The shipped encoder was fine-tuned in the eighth session on the sets written up to then (e-u and
the training sets t1-t3). Nine sets written since (v, w, x, y, z, za, zb, zc, zf: 2,300 readings
of fresh wording) were never trained on. A full retrain costs ~45 minutes and the ninth session's
did not keep the emergency output; this script leaves the transformer untouched and refits only
its last layer, the 384 -> 2 linear head, on the pooled vectors of every hand-written set, then
averages it with the fine-tuned head (one linear layer: the mean of the two layers' logits) for
the emergency output; the crisis output stays as fine-tuned (see REFIT_SHARE). Out of fold (each
unseen set read by a layer fitted without it) the averaged emergency output separated emergencies
from the readings below them better than the fine-tuned one on nine of the ten sets read and as
well on the tenth (DECISIONS.md, eleventh session).

NOT SHIPPED. Kept by a rule written before the eleventh session's final blind scoring only if
emergency recall on the two unread sets (zg, zh; messages and conversation turns) rose by at
least 0.03: it rose by 0.020 (31 -> 32 of 49), and one calm conversation turn became a false
emergency. `encoder.bin` is the eighth session's fine-tuned model; this script stays as the tool
for the next attempt (with more sets the transformer never saw, or a new rule measured first).

  HF_HUB_OFFLINE=1 python -u refit_head.py            # -> encoder.bin, thresholds.json, golden.json
  HF_HUB_OFFLINE=1 python -u refit_head.py --report   # the cross-validated figures only

The fine-tuned layer is kept in finetuned-head.json beside this script (written from encoder.bin
by the first run), so a rerun starts from it, not from a layer already averaged: reruns on the
same sets write the same files. Cuts: each of the engine's cuts keeps the share of readings at or
above it that the fine-tuned layer's cut had on the same out-of-fold readings (the unseen sets
and the development set), so a gain is separation, not a looser cut. About two minutes here
(the pooled vectors come from boundary_head.py's cache when the transformer is unchanged).
"""

import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boundary_head as B  # noqa: E402
import data  # noqa: E402
import model as M  # noqa: E402
import train as T  # noqa: E402

MODEL_PATH = os.path.join(B.ENCODER_DIR, "encoder.bin")
THRESHOLDS_PATH = os.path.join(B.ENCODER_DIR, "thresholds.json")
GOLDEN_PATH = os.path.join(B.ENCODER_DIR, "golden.json")
FINETUNED_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "finetuned-head.json")
# The hand-written sets the fine-tuned transformer was trained on (eighth session); every other set
# is read out of fold to place the cuts and report the figures.
FINE_TUNED_ON = set("efghijklmnopqrstu") | {"t1", "t2", "t3"}
# Weight of the refit layer in the average, per output (the fine-tuned layer has the rest). The
# crisis row is left as fine-tuned: refit, it separated crisis from calm readings better out of
# fold (0.61 -> 0.66 at the same share) but unevenly (lower on v, w, x and za) and it read
# everyday grief as crisis (the scenario library's "i keep setting a place for him at the table":
# 0.84 -> 0.94), which is the false alarm the product exists to avoid. The emergency row's gain
# was even across the sets.
REFIT_SHARE = np.array([0.0, 0.5])
# Cuts and what each is measured against: crisis and context on none/distress readings, the
# emergency cuts on readings below emergency.
CUTS = {"crisis": 0, "crisis_corroborated": 0, "context": 0, "emergency": 1, "emergency_corroborated": 1}


def logit(p):
    return float(np.log(p / (1 - p)))


def finetuned_head(model, header, keep):
    """(weight 2x384, bias 2) of the fine-tuned layer: from finetuned-head.json, or from the model
    file itself the first time (before any refit), then kept in that file when `keep` is set."""
    if os.path.exists(FINETUNED_PATH):
        with open(FINETUNED_PATH) as handle:
            stored = json.load(handle)
        return np.array(stored["weight"], dtype=np.float64), np.array(stored["bias"], dtype=np.float64)
    if "head_refit" in header.get("metadata", {}):
        raise SystemExit(f"{MODEL_PATH} already has a refit head and {FINETUNED_PATH} is missing")
    weight = model.head.weight.detach().double().numpy()
    bias = model.head.bias.detach().double().numpy()
    if not keep:
        return weight, bias
    with open(FINETUNED_PATH, "w") as handle:
        json.dump({"from": "encoder.bin as trained in the eighth session (train.py export)",
                   "weight": weight.astype(np.float32).tolist(), "bias": bias.astype(np.float32).tolist()},
                  handle)
        handle.write("\n")
    return weight, bias


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", action="store_true", help="cross-validated figures only, write nothing")
    args = parser.parse_args()
    model, header = M.read_model_file(MODEL_PATH)
    tokenizer = M.load_tokenizer()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    tuned_weight, tuned_bias = finetuned_head(model, header, keep=not args.report)
    rows = B.labelled_rows()
    levels = np.array([data.RANK[row[3]] for row in rows])
    groups = np.array([row[0] for row in rows])
    vectors, owner = B.cached_vectors(model, tokenizer, rows)
    targets = [(levels >= data.RANK["crisis"]).astype(np.float64),
               (levels == data.RANK["emergency"]).astype(np.float64)]
    trainable = groups != "dev"
    unseen = sorted(set(groups) - FINE_TUNED_ON - {"dev"})
    print(f"{len(rows)} examples, {len(vectors)} windows; read out of fold: {', '.join(unseen)} and dev")

    def refit(row_mask):
        windows = row_mask[owner]
        layers = [B.fit(vectors[windows], target[owner][windows], 1) for target in targets]
        return np.stack([w[0] for w, _ in layers]), np.array([b[0] for _, b in layers])

    def averaged(weight, bias):
        share = REFIT_SHARE[:, None]
        return ((1 - share) * tuned_weight + share * weight, (1 - REFIT_SHARE) * tuned_bias + REFIT_SHARE * bias)

    def readings(weight, bias, row_mask):
        """Logits per example (the highest over its windows), for rows in row_mask."""
        windows = row_mask[owner]
        out = np.full((2, len(rows)), -np.inf)
        for k in (0, 1):
            out[k] = B.highest_per_example(vectors[windows] @ weight[k] + bias[k], owner[windows], len(rows))
        return out

    tuned = readings(tuned_weight, tuned_bias, np.ones(len(rows), dtype=bool))
    out_of_fold = np.full((2, len(rows)), -np.inf)
    for group in unseen + ["dev"]:
        held = groups == group
        weight, bias = averaged(*refit(trainable & ~held))
        out_of_fold[:, held] = readings(weight, bias, held)[:, held]

    read = np.isin(groups, unseen + ["dev"])
    against = [read & (levels <= data.RANK["distress"]), read & (levels < data.RANK["emergency"])]
    positives = [read & (levels >= data.RANK["crisis"]), read & (levels == data.RANK["emergency"])]
    with open(THRESHOLDS_PATH) as handle:
        thresholds = json.load(handle)
    old_cuts = thresholds.get("fine_tuned_cuts", {name: thresholds[name] for name in CUTS})
    new_cuts, report = {}, {"read_out_of_fold": unseen + ["dev"], "examples": int(read.sum()), "cuts": {}}
    for name, k in CUTS.items():
        if REFIT_SHARE[k] == 0:
            new_cuts[name] = old_cuts[name]
            continue
        share = float((tuned[k][against[k]] >= logit(old_cuts[name])).mean())
        ordered = np.sort(out_of_fold[k][against[k]])[::-1]
        allowed = int(np.floor(share * len(ordered)))
        cut_logit = float(np.nextafter(ordered[allowed], np.inf)) if allowed < len(ordered) else logit(0.5)
        new_cuts[name] = round(1 / (1 + np.exp(-cut_logit)), 4)
        report["cuts"][name] = {
            "share_at_or_above": round(share, 4),
            "fine_tuned_cut": old_cuts[name], "fine_tuned_recall": round(float(
                (tuned[k][positives[k]] >= logit(old_cuts[name])).mean()), 3),
            "cut": new_cuts[name], "recall_out_of_fold": round(float(
                (out_of_fold[k][positives[k]] >= logit(new_cuts[name])).mean()), 3),
        }
    report["per_set_at_crisis_and_emergency_cuts"] = {}
    for group in unseen + ["dev"]:
        mask = groups == group
        figures = {}
        for label, scores, cuts in (("fine_tuned", tuned, old_cuts), ("averaged", out_of_fold, new_cuts)):
            figures[label] = [round(float((scores[k][positives[k] & mask] >= logit(cuts[name])).mean()), 3)
                              for name, k in (("crisis", 0), ("emergency", 1))]
        report["per_set_at_crisis_and_emergency_cuts"][group] = figures
    print(json.dumps(report, indent=1))
    if args.report:
        return

    weight, bias = averaged(*refit(trainable))
    with torch.no_grad():
        model.head.weight.copy_(torch.from_numpy(weight.astype(np.float32)))
        model.head.bias.copy_(torch.from_numpy(bias.astype(np.float32)))
    metadata = dict(header.get("metadata", {}))
    metadata["head_refit"] = (f"output layer: the mean of the fine-tuned layer and a layer refit on the pooled "
                              f"vectors of {int(trainable.sum())} hand-written examples (refit_head.py)")
    M.write_model_file(model, MODEL_PATH, metadata)
    check, _ = M.read_model_file(MODEL_PATH)
    for (name, a), (_, b) in zip(model.named_parameters(), check.named_parameters()):
        if not torch.equal(a, b):
            raise SystemExit(f"rewritten model file differs in {name}")
    for name in CUTS:
        thresholds[name] = new_cuts[name]
    thresholds["fine_tuned_cuts"] = old_cuts
    thresholds["head_refit"] = report
    thresholds["method"] = (
        "the output layer is refit by Scripts/model/encoder/refit_head.py; each cut keeps the share of "
        "readings at or above it that the fine-tuned layer's cut (fine_tuned_cuts, placed in the eighth "
        "session on the Swift engine's readings of the development set and the sets v and w) had on the "
        "same readings: crisis, crisis_corroborated and context against none/distress readings, the "
        "emergency cuts against readings below emergency; the readings are out of fold (every set the "
        "transformer was not trained on, read by a layer fitted without it, and the development set). "
        "See head_refit and DECISIONS.md (eleventh session).")
    with open(THRESHOLDS_PATH, "w") as handle:
        json.dump(thresholds, handle, indent=2, sort_keys=True)
        handle.write("\n")
    T.write_golden(check, tokenizer, GOLDEN_PATH)
    print(f"wrote {MODEL_PATH}, {THRESHOLDS_PATH}, {GOLDEN_PATH}")


if __name__ == "__main__":
    main()
