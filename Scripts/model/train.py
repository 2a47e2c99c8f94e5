#!/usr/bin/env python3
"""Train Waymark's suicidal-language model: hashed n-grams + L2 logistic regression.

Python 3 + numpy. Deterministic (full-batch optimisation, no randomness).

Reads   resources/safeguard/model/corpus.jsonl   (Scripts/model/make_corpus.py)
        resources/safeguard/model/holdout.jsonl  (hand-written, for reporting only)
Writes  resources/safeguard/model/suicidal-language.json  (the model the Swift side loads)
        resources/safeguard/model/golden.json              (text -> tokens/probability, for tests)
Prints  train accuracy, holdout precision/recall, and the dev-set figures for information
        (../shared/eval/dev_messages.jsonl if present; never used for fitting or choices).

The normalisation and features below are mirrored exactly by
Sources/Safeguard/Classifier/ClassifierTokeniser.swift and NGramHasher.swift:

Normalisation (per Unicode scalar, in order):
  * texts longer than 40,000 scalars keep only the first and last 20,000 (joined by a space);
  * A-Z -> a-z; a-z, 0-9, '@', '$' are token characters;
  * apostrophes (' ’ ‘ ʼ ` ´) and invisible joiners (U+200B-U+200D, U+2060, U+FE0E, U+FE0F,
    U+00AD) are dropped without splitting the word ("don't" -> "dont");
  * fullwidth ASCII (U+FF01-U+FF5E) is mapped to ASCII first;
  * FOLD maps accented Latin letters and Cyrillic/Greek look-alikes to ASCII letters;
  * EMOJI maps a few emoji to a separate word ("⚰" -> "coffin");
  * every other scalar separates words.
Tokens: runs of token characters. In a token holding at least one letter, leet characters map to
  letters (0o 1i 3e 4a 5s 7t @a $s); a token with no letter becomes "0" if it holds a digit,
  else it is dropped. Runs of 3+ identical characters collapse to 2. Runs of 3+ consecutive
  one-letter tokens are joined ("k i l l" -> "kill") and collapsed again.
Features (binary, deduplicated by bucket): "w:"+word, "b:"+w1+" "+w2, "t:"+w1+" "+w2+" "+w3,
  and "c:"+gram for character 3-, 4-, 5-grams of "<"+word+">" (the word cut to its first 64
  characters). Bucket = FNV-1a 32-bit over the UTF-8 bytes of the feature string, mod BUCKETS.
"""

import datetime
import json
import math
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL_DIR = os.path.join(ROOT, "resources", "safeguard", "model")
CORPUS = os.path.join(MODEL_DIR, "corpus.jsonl")
HOLDOUT = os.path.join(MODEL_DIR, "holdout.jsonl")
OUT_MODEL = os.path.join(MODEL_DIR, "suicidal-language.json")
OUT_GOLDEN = os.path.join(MODEL_DIR, "golden.json")
DEV = os.path.join(ROOT, "..", "shared", "eval", "dev_messages.jsonl")
# Hand-written probe sets (resources/safeguard/probes) added to the templates, repeated so a few
# hundred real sentences weigh against 40,000 generated ones. Set g was kept out until its blind
# figures were recorded (probes README); BLIND_PROBES names a set kept out, if any.
PROBES_DIR = os.path.join(ROOT, "resources", "safeguard", "probes")
TRAIN_PROBES = ["set-e-messages.jsonl", "set-f-messages.jsonl", "set-g-messages.jsonl", "set-h-messages.jsonl", "set-i-messages.jsonl", "set-k-messages.jsonl", "set-l-messages.jsonl", "set-j-messages.jsonl"]
BLIND_PROBES = "set-r-messages.jsonl"
PROBE_REPEAT = 20

BUCKETS = 1 << 18
CHAR_MIN, CHAR_MAX, CHAR_WORD_CAP = 3, 5, 64
MAX_SCALARS, KEEP_SCALARS = 40_000, 20_000
L2 = 1e-4  # lambda / 2 * ||w||^2 added to the mean log-loss
ITERATIONS = 400
REFIT_ITERATIONS = 200
TOP_K = 20_000
THRESHOLD = 0.5
WEIGHT_DECIMALS = 5

APOSTROPHES = {0x27, 0x2019, 0x2018, 0x2BC, 0x60, 0xB4}
INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFE0E, 0xFE0F, 0xAD}
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}


def _fold_table():
    table = {}
    groups = {
        "a": "àáâãäåāăąǎȧ" + "аɑα",
        "c": "çćĉċč" + "сϲ",
        "d": "ďđ" + "ԁ",
        "e": "èéêëēĕėęě" + "еҽε",
        "g": "ĝğġģ" + "ɡ",
        "h": "ĥħ" + "һ",
        "i": "ìíîïĩīĭįı" + "іıι",
        "j": "ĵ" + "ј",
        "k": "ķ" + "κк",
        "l": "ĺļľŀł" + "ӏ",
        "n": "ñńņňŉ" + "ոη",
        "o": "òóôõöøōŏő" + "оοσ",
        "p": "" + "рρ",
        "r": "ŕŗř" + "г",
        "s": "śŝşšș" + "ѕ",
        "t": "ţťŧț" + "т",
        "u": "ùúûüũūŭůűų" + "υ",
        "w": "ŵ" + "ԝω",
        "x": "" + "хχ",
        "y": "ýÿŷ" + "уγ",
        "z": "źżž",
        "b": "" + "ьв",
        "m": "" + "м",
    }
    for ascii_letter, chars in groups.items():
        for ch in chars:
            table[ord(ch)] = ascii_letter
            upper = ch.upper()
            if len(upper) == 1 and ord(upper) >= 0x80 and ord(upper) not in table and upper != ch:
                table[ord(upper)] = ascii_letter
    table[ord("ß")] = "ss"
    table[ord("æ")] = "ae"
    table[ord("Æ")] = "ae"
    table[ord("œ")] = "oe"
    table[ord("Œ")] = "oe"
    return table


FOLD = _fold_table()
EMOJI = {
    0x26B0: "coffin", 0x1FAA6: "grave", 0x1F48A: "pill", 0x1F52A: "knife", 0x1FA78: "blood",
    0x1FAA2: "rope", 0x1F52B: "gun", 0x1F480: "skull", 0x2620: "skull", 0x1F62D: "sob",
    0x1F602: "laughing", 0x1F923: "laughing", 0x1F494: "brokenheart", 0x1F614: "sad", 0x1F622: "sad",
    0x1F61E: "sad", 0x1F97A: "pleading", 0x1F643: "upsidedown", 0x1F972: "tearsmile",
    0x1F525: "fire", 0x2764: "heart", 0x1F44B: "wave", 0x1F319: "moon",
}


def fnv1a32(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _finish(token):
    """Leet mapping, number folding and repeat collapsing for one raw token."""
    if any("a" <= c <= "z" for c in token):
        token = "".join(LEET.get(c, c) for c in token)
    elif any("0" <= c <= "9" for c in token):
        return "0"
    else:
        return ""
    return _collapse(token)


def _collapse(token):
    out = []
    for c in token:
        if len(out) >= 2 and out[-1] == c and out[-2] == c:
            continue
        out.append(c)
    return "".join(out)


def tokens(text):
    """The normalised words of a text (see the module docstring)."""
    if len(text) > MAX_SCALARS:
        text = text[:KEEP_SCALARS] + " " + text[-KEEP_SCALARS:]
    raw, current = [], []

    def flush():
        if current:
            raw.append("".join(current))
            current.clear()

    for ch in text:
        v = ord(ch)
        if 0xFF01 <= v <= 0xFF5E:
            v -= 0xFEE0
        if 0x41 <= v <= 0x5A:
            current.append(chr(v + 32))
        elif 0x61 <= v <= 0x7A or 0x30 <= v <= 0x39 or v == 0x40 or v == 0x24:
            current.append(chr(v))
        elif v in APOSTROPHES or v in INVISIBLE:
            continue
        elif v in FOLD:
            current.append(FOLD[v])
        elif v in EMOJI:
            flush()
            raw.append(EMOJI[v])
        else:
            flush()
    flush()
    words = [w for w in (_finish(t) for t in raw) if w]
    joined, run = [], []
    for w in words + [""]:
        if len(w) == 1 and "a" <= w <= "z":
            run.append(w)
            continue
        if len(run) >= 3:
            joined.append(_collapse("".join(run)))
        else:
            joined.extend(run)
        run = []
        if w:
            joined.append(w)
    return joined


def feature_strings(words):
    feats = []
    for i, w in enumerate(words):
        feats.append("w:" + w)
        if i + 1 < len(words):
            feats.append("b:" + w + " " + words[i + 1])
        if i + 2 < len(words):
            feats.append("t:" + w + " " + words[i + 1] + " " + words[i + 2])
        s = "<" + w[:CHAR_WORD_CAP] + ">"
        for n in range(CHAR_MIN, CHAR_MAX + 1):
            for j in range(0, len(s) - n + 1):
                feats.append("c:" + s[j:j + n])
    return feats


_HASH_CACHE = {}


def bucket(feature):
    b = _HASH_CACHE.get(feature)
    if b is None:
        b = fnv1a32(feature.encode("utf-8")) % BUCKETS
        _HASH_CACHE[feature] = b
    return b


def featurise(text):
    return sorted({bucket(f) for f in feature_strings(tokens(text))})


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_matrix(rows):
    indptr, indices = [0], []
    for text in rows:
        feats = featurise(text)
        indices.extend(feats)
        indptr.append(len(indices))
    return np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int64)


class Sparse:
    """Binary CSR matrix with the two products logistic regression needs."""

    def __init__(self, indptr, indices):
        self.n = len(indptr) - 1
        self.indices = indices
        self.rows = np.repeat(np.arange(self.n), np.diff(indptr))

    def dot(self, w):
        return np.bincount(self.rows, weights=w[self.indices], minlength=self.n)

    def tdot(self, r):
        return np.bincount(self.indices, weights=r[self.rows], minlength=BUCKETS)


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def fit(X, y, w, b, iterations, mask=None):
    """Full-batch Adam on mean log-loss + L2/2 ||w||^2 (bias unregularised). Deterministic."""
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    n = X.n
    for t in range(1, iterations + 1):
        p = sigmoid(X.dot(w) + b)
        r = (p - y) / n
        gw = X.tdot(r) + L2 * w
        gb = float(r.sum())
        if mask is not None:
            gw *= mask
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        w -= lr * (mw / (1 - b1 ** t)) / (np.sqrt(vw / (1 - b2 ** t)) + eps)
        b -= lr * (mb / (1 - b1 ** t)) / (math.sqrt(vb / (1 - b2 ** t)) + eps)
        if t % 100 == 0 or t == iterations:
            loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)) + L2 / 2 * float(w @ w)
            print(f"  iter {t:4d}  loss {loss:.4f}", flush=True)
    return w, b


def probability(text, weights, bias):
    z = bias + sum(weights.get(bk, 0.0) for bk in featurise(text))
    return 1.0 / (1.0 + math.exp(-z))


def report(name, texts, gold, weights, bias):
    probs = [probability(t, weights, bias) for t in texts]
    pred = [p >= THRESHOLD for p in probs]
    tp = sum(1 for p, g in zip(pred, gold) if p and g)
    fp = sum(1 for p, g in zip(pred, gold) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold) if not p and g)
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    accuracy = (tp + tn) / len(gold) if gold else 0.0
    print(f"{name}: n={len(gold)} acc={accuracy:.3f} precision={precision:.3f} recall={recall:.3f} "
          f"(tp={tp} fp={fp} fn={fn} tn={tn})")
    return {"n": len(gold), "accuracy": round(accuracy, 4), "precision": round(precision, 4),
            "recall": round(recall, 4)}, probs


GOLDEN_TEXTS = [
    "i don't want to wake up tomorrow",
    "this essay is killing me",
    "I'm SOOOO tired of existing 😔",
    "i could murder a curry rn",
    "k.i.l.l myself",
    "ѕuісіdаl again",
    "su1c1d3 thoughts",
    "my mum will kill me if i'm late",
    "the people around me would cope better without me tbh",
    "writing an essay on suicide prevention for uni",
    "i used to want to die but things are better now",
    "hope i get hit by a bus lol",
    "Ｋｍｓ",
    "dying to see the new film!!!",
    "i'm not suicidal, just tired",
    "how many paracetamol would it take, asking for a friend",
    "café crème at 10? ⚰️🪦💊",
    "don’t worry about me x",
    "5000 words by friday, 3 left 😭😭",
    "",
    "   ...   ",
    "i've started cutting again and nobody knows",
]


def probe_positive(r):
    """The model's question for a labelled probe: current suicidal or self-harm risk."""
    return r["level"] in ("crisis", "emergency") and bool({"suicide", "self_harm"} & set(r["categories"]))


def main():
    started = time.time()
    corpus = load(CORPUS)
    probes = []
    for name in TRAIN_PROBES:
        path = os.path.join(PROBES_DIR, name)
        if os.path.exists(path):
            probes += [{"text": r["text"], "label": "suicidal" if probe_positive(r) else "benign"} for r in load(path)]
    print(f"probes: {len(probes)} hand-written sentences, each counted {PROBE_REPEAT} times")
    corpus = corpus + probes * PROBE_REPEAT
    texts = [r["text"] for r in corpus]
    y = np.array([1.0 if r["label"] == "suicidal" else 0.0 for r in corpus])
    print(f"corpus: {len(corpus)} sentences ({int(y.sum())} suicidal)")
    indptr, indices = build_matrix(texts)
    X = Sparse(indptr, indices)
    print(f"features: {len(indices)} non-zeros, {len(np.unique(indices))} buckets used "
          f"({time.time() - started:.1f}s)")

    w, b = fit(X, y, np.zeros(BUCKETS), 0.0, ITERATIONS)
    keep = np.argsort(-np.abs(w), kind="stable")[:TOP_K]
    keep = keep[np.abs(w[keep]) > 10 ** -WEIGHT_DECIMALS]
    mask = np.zeros(BUCKETS)
    mask[keep] = 1.0
    w = w * mask
    print(f"pruned to {len(keep)} weights; refitting")
    w, b = fit(X, y, w, b, REFIT_ITERATIONS, mask=mask)

    weights = {int(k): round(float(w[k]), WEIGHT_DECIMALS) for k in sorted(keep.tolist())}
    weights = {k: v for k, v in weights.items() if v != 0.0}
    bias = round(float(b), WEIGHT_DECIMALS)
    train_seconds = time.time() - started

    train_stats, _ = report("train", texts, [bool(v) for v in y], weights, bias)
    holdout_stats = None
    if os.path.exists(HOLDOUT):
        hold = load(HOLDOUT)
        holdout_stats, hprobs = report("holdout", [r["text"] for r in hold],
                                       [r["label"] == "suicidal" for r in hold], weights, bias)
        holdout_stats = {"all": holdout_stats}
        for name in sorted({r.get("set", "") for r in hold}):
            part = [r for r in hold if r.get("set", "") == name]
            holdout_stats[name], _ = report(f"  holdout set {name}", [r["text"] for r in part],
                                            [r["label"] == "suicidal" for r in part], weights, bias)
        if "--misses" in sys.argv:
            for r, p in zip(hold, hprobs):
                if (p >= THRESHOLD) != (r["label"] == "suicidal"):
                    print(f"    miss {r.get('set', '')} {r['label']:8s} p={p:.3f}  {r['text']}")
    blind_path = os.path.join(PROBES_DIR, BLIND_PROBES) if BLIND_PROBES else ""
    blind_stats = None
    if blind_path and os.path.exists(blind_path):
        blind = load(blind_path)
        blind_stats, _ = report(f"probe set {BLIND_PROBES} (kept out of training)", [r["text"] for r in blind],
                                [probe_positive(r) for r in blind], weights, bias)
    dev_stats = None
    if os.path.exists(DEV):
        dev = load(DEV)
        gold = [r["level"] in ("crisis", "emergency") and bool({"suicide", "self_harm"} & set(r["categories"]))
                for r in dev]
        dev_stats, _ = report("dev (information only)", [r["text"] for r in dev], gold, weights, bias)

    # Human-readable names for the strongest buckets: the most frequent corpus feature in each.
    top_buckets = sorted(weights, key=lambda k: (-abs(weights[k]), k))[:300]
    wanted = set(top_buckets)
    counts = {}
    for text in texts:
        for f in feature_strings(tokens(text)):
            bk = bucket(f)
            if bk in wanted:
                counts[(bk, f)] = counts.get((bk, f), 0) + 1
    names = {}
    for (bk, f), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1])):
        names.setdefault(bk, f)

    model = {
        "version": 1,
        "name": "suicidal-language",
        "hash": "fnv1a32-utf8",
        "buckets": BUCKETS,
        "ngrams": {"words": [1, 2, 3], "chars": [CHAR_MIN, CHAR_MAX], "charWordCap": CHAR_WORD_CAP,
                   "charBoundaryMarkers": ["<", ">"], "binary": True},
        "normalisation": {
            "name": "waymark-simple-1",
            "apostrophes": sorted(APOSTROPHES),
            "invisible": sorted(INVISIBLE),
            "leet": LEET,
            "fold": {str(k): v for k, v in sorted(FOLD.items())},
            "emoji": {str(k): v for k, v in sorted(EMOJI.items())},
        },
        "maxScalars": MAX_SCALARS,
        "keepScalars": KEEP_SCALARS,
        "bias": bias,
        "threshold": THRESHOLD,
        "buckets_kept": len(weights),
        "weights": {str(k): v for k, v in weights.items()},
        "topFeatureNames": [{"bucket": k, "feature": names.get(k, ""), "weight": weights[k]} for k in top_buckets],
        "metadata": {
            "corpusSize": len(corpus),
            "corpusPositives": int(y.sum()),
            "l2": L2,
            "iterations": ITERATIONS,
            "refitIterations": REFIT_ITERATIONS,
            "train": train_stats,
            "holdout": holdout_stats,
            "devInformationOnly": dev_stats,
            "probesTrained": TRAIN_PROBES,
            "probeRepeat": PROBE_REPEAT,
            "blindProbes": blind_stats,
            "trainedOn": datetime.date.today().isoformat(),
            "trainSeconds": round(train_seconds, 1),
        },
    }
    with open(OUT_MODEL, "w", encoding="utf-8") as f:
        json.dump(model, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")

    golden = {
        "note": "Written by Scripts/model/train.py from suicidal-language.json; Swift must reproduce these.",
        "cases": [],
    }
    for text in GOLDEN_TEXTS:
        words = tokens(text)
        feats = feature_strings(words)[:6]
        golden["cases"].append({
            "text": text,
            "tokens": words,
            "features": [{"feature": f, "bucket": bucket(f)} for f in feats],
            "probability": probability(text, weights, bias),
        })
    with open(OUT_GOLDEN, "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")
    size = os.path.getsize(OUT_MODEL)
    print(f"wrote {os.path.relpath(OUT_MODEL, ROOT)} ({size // 1024} KB, {len(weights)} weights) and golden.json; "
          f"total {time.time() - started:.1f}s")


if __name__ == "__main__":
    main()
