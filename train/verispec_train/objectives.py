"""What a training step minimises and what validation reports: the base's
next-token loss (optionally weighting the tokens copied from the spec), the
heads' losses under their label rule, and the accuracies logged beside them.

Copied tokens are target tokens that also occur in the same row's spec and
carry a letter or digit: module and port names, widths. The model learns a
family's usual names faster than to copy the spec's (docs/training.md, "What
keeps function low"); `--copy-weight W` makes each such token count W times
in the base loss, and validation always reports their top-1 (`top1/copied`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from tokenizers import Tokenizer

from .data import Batch, Example, iterate, token_batches
from .labels import IGNORE, head_labels, shift_right
from .model import T5Medusa


def copyable_ids(tokenizer: Tokenizer) -> torch.Tensor:
    """Per vocabulary id, whether the piece is worth copying from a spec: its text has an
    ASCII letter or digit (punctuation and whitespace occur everywhere; special tokens never
    name anything). Decoded text, not the piece: a byte-level piece spells a space as 'Ġ'."""
    special = {i for i, t in tokenizer.get_added_tokens_decoder().items() if t.special}
    size = tokenizer.get_vocab_size(with_added_tokens=True)
    mask = torch.zeros(size, dtype=torch.bool)
    for i in range(size):
        if i not in special:
            mask[i] = any(c.isascii() and c.isalnum() for c in tokenizer.decode([i], skip_special_tokens=False))
    return mask


def copied_positions(labels: torch.Tensor, input_ids: torch.Tensor, copyable: torch.Tensor) -> torch.Tensor:
    """[B, T] True where the target token occurs in the same row's source and is copyable.
    (Source padding is id 0, which is never copyable.)"""
    in_source = (labels.unsqueeze(-1) == input_ids.unsqueeze(1)).any(-1)
    valid = labels != IGNORE
    return in_source & valid & copyable.to(labels.device)[labels.clamp(min=0)]


@dataclass
class CopyWeight:
    """Base-loss weight of copied tokens (1: every token counts the same)."""

    copyable: torch.Tensor
    weight: float = 1.0


def base_loss(logits: torch.Tensor, batch: Batch, copy: CopyWeight | None = None) -> torch.Tensor:
    """Mean next-token cross-entropy over the labelled positions, copied tokens weighted."""
    if copy is None or copy.weight == 1.0:
        return F.cross_entropy(logits.flatten(0, 1).float(), batch.labels.flatten(), ignore_index=IGNORE)
    per_token = F.cross_entropy(logits.flatten(0, 1).float(), batch.labels.flatten(), ignore_index=IGNORE, reduction="none")
    weights = (batch.labels != IGNORE).float() + (copy.weight - 1.0) * copied_positions(batch.labels, batch.input_ids, copy.copyable).float()
    return (per_token * weights.flatten()).sum() / weights.sum().clamp(min=1.0)


def head_loss_weight(mode: str, step: int, total: int, k: int, coefficient: float = 0.2, decay: float = 0.8) -> float:
    """Weight of head k's loss (k 1-based). MEDUSA-1: unweighted sum. MEDUSA-2:
    0.8^k * 0.2 * sin(pi/2 * step/total), rising from 0 (the paper's schedule)."""
    if mode == "medusa1":
        return 1.0
    if mode == "medusa2":
        return decay**k * coefficient * math.sin(math.pi / 2 * min(1.0, step / max(1, total)))
    return 0.0


def losses(model: torch.nn.Module, batch: Batch, mode: str, rule: str, start_id: int, pad_id: int,
           copy: CopyWeight | None = None) -> tuple[torch.Tensor, list[torch.Tensor], torch.Tensor | None]:
    """Base loss, per-head losses, and the head labels used (None in ntp mode).
    `model` is the wrapped T5Medusa (DDP under accelerate): forward through the
    wrapper so gradients are synchronised. In medusa1 the frozen base builds no
    autograd graph, since its parameters do not require gradients."""
    decoder_inputs = shift_right(batch.labels, start_id, pad_id)
    base_logits, head_logits = model(batch.input_ids, batch.attention_mask, decoder_inputs, with_heads=mode != "ntp", labels=batch.labels)
    base = base_loss(base_logits, batch, copy)
    if head_logits is None:
        return base, [], None
    labels = head_labels(batch.labels, batch.frag_end, head_logits.shape[0], "vanilla" if rule == "vanilla" else "syntax")
    per_head = []
    for k in range(head_logits.shape[0]):
        target = labels[k].flatten()
        # Mean over the labelled positions, 0 when there are none; no `if` on a device value
        # (a host sync per head and step on a GPU).
        total = F.cross_entropy(head_logits[k].flatten(0, 1).float(), target, ignore_index=IGNORE, reduction="sum")
        per_head.append(total / (target != IGNORE).sum().clamp(min=1))
    return base, per_head, labels


@torch.no_grad()
def evaluate(model: T5Medusa, examples: list[Example], mode: str, rule: str, max_tokens: int, start_id: int, pad_id: int,
             copyable: torch.Tensor | None = None) -> dict[str, Any]:
    """Validation loss of the base and each head, the base's top-1 (on copied tokens too, given
    `copyable`), each head's top-1 / top-5 on its own labels and on fragment-final targets, and
    how often heads 1..k are all right (`chain/head{k}`)."""
    model.eval()
    totals: dict[str, float] = {}
    counts: dict[str, float] = {}

    def add(key: str, value: float, n: float) -> None:
        totals[key] = totals.get(key, 0.0) + value
        counts[key] = counts.get(key, 0.0) + n

    device = next(model.parameters()).device
    for _, cpu_batch in iterate(examples, token_batches(examples, max_tokens, seed=0, shuffle=False)):
        batch = cpu_batch.to(device)
        decoder_inputs = shift_right(batch.labels, start_id, pad_id)
        base_logits, head_logits = model(batch.input_ids, batch.attention_mask, decoder_inputs, with_heads=mode != "ntp", labels=batch.labels)
        mask = batch.labels != IGNORE
        n = float(mask.sum())
        right = base_logits.argmax(-1) == batch.labels
        add("loss/base", float(F.cross_entropy(base_logits.flatten(0, 1).float(), batch.labels.flatten(), ignore_index=IGNORE, reduction="sum")), n)
        add("top1/base", float((right & mask).sum()), n)
        if copyable is not None:
            copied = copied_positions(batch.labels, batch.input_ids, copyable)
            add("top1/copied", float((right & copied).sum()), float(copied.sum()))
        if head_logits is None:
            continue
        own = head_labels(batch.labels, batch.frag_end, head_logits.shape[0], "vanilla" if rule == "vanilla" else "syntax")
        everything = head_labels(batch.labels, batch.frag_end, head_logits.shape[0], "vanilla")
        fragment_final = head_labels(batch.labels, batch.frag_end, head_logits.shape[0], "syntax")
        chain = torch.ones_like(batch.labels, dtype=torch.bool)
        for k in range(head_logits.shape[0]):
            # chain/head{k}: heads 1..k all right at once, the share of a k-deep draft that verifies.
            valid = everything[k] != IGNORE
            chain = chain & (head_logits[k].argmax(-1) == everything[k])
            add(f"chain/head{k + 1}", float((chain & valid).sum()), float(valid.sum()))
        for k in range(head_logits.shape[0]):
            logits = head_logits[k]
            top5 = logits.topk(5, dim=-1).indices
            for name, labels in (("", own[k]), ("all/", everything[k]), ("fragment_end/", fragment_final[k])):
                valid = labels != IGNORE
                m = float(valid.sum())
                if m == 0:
                    continue
                if name == "":
                    add(f"loss/head{k + 1}", float(F.cross_entropy(logits.flatten(0, 1).float(), labels.flatten(), ignore_index=IGNORE, reduction="sum")), m)
                add(f"{name}top1/head{k + 1}", float(((top5[..., 0] == labels) & valid).sum()), m)
                add(f"{name}top5/head{k + 1}", float(((top5 == labels.unsqueeze(-1)).any(-1) & valid).sum()), m)
    return {key: totals[key] / counts[key] for key in sorted(totals) if counts[key] > 0}
