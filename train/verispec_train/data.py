"""Corpus JSONL -> padded batches (encoder ids, labels, fragment-end flags).

Examples carry token ids and flags made with the corpus tokenizer. A model
with another tokenizer (a hub checkpoint) re-encodes the text and maps the
same fragment spans through its own offsets: the spans are never recomputed.
Those offsets are read without the post-processor: RoBERTa's (CodeT5p's)
trims spaces off them, and a space-only token would look like a fragment end.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from tokenizers import Tokenizer

from .fragments import fragment_end_flags
from .labels import IGNORE, with_frag_tokens
from .tokenizer import source_text


@dataclass
class Example:
    input_ids: list[int]
    labels: list[int]
    frag_end: list[int]


def read_examples(path: Path, tokenizer: Tokenizer | Any | None = None, eos_id: int = 1, frag_tokens: int | None = None, max_source: int = 512, max_target: int = 768) -> list[Example]:
    """Examples of one split. With `tokenizer` (a tokenizers.Tokenizer or a
    transformers fast tokenizer), ids and flags are rebuilt from the text and
    fragment spans; with `frag_tokens` (the [FRAG] id), the paper-literal
    stream with [FRAG] after each fragment."""
    backend: Tokenizer | None = getattr(tokenizer, "backend_tokenizer", tokenizer)
    untrimmed = None
    if backend is not None:
        untrimmed = Tokenizer.from_str(backend.to_str())
        untrimmed.post_processor = None
    out: list[Example] = []
    with path.open() as f:
        for line in f:
            row = json.loads(line)
            if backend is None or untrimmed is None:
                ids, labels, flags = row["input_ids"], row["labels"], row["frag_end"]
            else:
                # The source as the engine encodes it (special tokens included), the target bare.
                ids = backend.encode(source_text(row["instruction"], row["input"])).ids
                enc = untrimmed.encode(row["output"], add_special_tokens=False)
                labels = enc.ids + [eos_id]
                flags = fragment_end_flags(list(enc.offsets) + [(0, 0)], row["fragments"])
            if frag_tokens is not None:
                labels, flags = with_frag_tokens(labels, flags, frag_tokens, eos_id)
            if len(ids) <= max_source and len(labels) <= max_target:
                out.append(Example(ids, labels, flags))
    return out


@dataclass
class Batch:
    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    labels: torch.Tensor
    frag_end: torch.Tensor

    @property
    def target_tokens(self) -> int:
        return int((self.labels != IGNORE).sum())

    def to(self, device: torch.device | str) -> "Batch":
        """The batch on the model's device (collate builds it on the CPU)."""
        return Batch(*(t.to(device, non_blocking=True) for t in (self.input_ids, self.attention_mask, self.labels, self.frag_end)))


def collate(examples: list[Example], pad_id: int = 0) -> Batch:
    src_len = max(len(e.input_ids) for e in examples)
    tgt_len = max(len(e.labels) for e in examples)
    input_ids = torch.full((len(examples), src_len), pad_id, dtype=torch.long)
    attention = torch.zeros((len(examples), src_len), dtype=torch.long)
    labels = torch.full((len(examples), tgt_len), IGNORE, dtype=torch.long)
    flags = torch.zeros((len(examples), tgt_len), dtype=torch.long)
    for i, e in enumerate(examples):
        input_ids[i, : len(e.input_ids)] = torch.tensor(e.input_ids)
        attention[i, : len(e.input_ids)] = 1
        labels[i, : len(e.labels)] = torch.tensor(e.labels)
        flags[i, : len(e.frag_end)] = torch.tensor(e.frag_end)
    return Batch(input_ids, attention, labels, flags)


def token_batches(examples: list[Example], max_tokens: int, seed: int, shuffle: bool = True) -> list[list[int]]:
    """Indices grouped into batches of similar length holding at most
    `max_tokens` padded source+target tokens each; the batch order is shuffled
    (seeded), so an epoch is reproducible and resumable by batch index."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i].labels), len(examples[i].input_ids)))
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in order:
        size = len(examples[i].labels) + len(examples[i].input_ids)
        if current and max(longest, size) * (len(current) + 1) > max_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, size)
    if current:
        batches.append(current)
    if shuffle:
        random.Random(seed).shuffle(batches)
    return batches


def iterate(examples: list[Example], batches: list[list[int]], start: int = 0) -> Iterator[tuple[int, Batch]]:
    for b in range(start, len(batches)):
        yield b, collate([examples[i] for i in batches[b]])
