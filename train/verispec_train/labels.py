"""Training labels for the base and the heads: the one place the label rule lives.

Positions follow MEDUSA: the decoder at position t reads tokens < t and the
base predicts labels[t]; head k (1-based) at t predicts labels[t + k].
"""

from __future__ import annotations

import torch

IGNORE = -100


def head_labels(labels: torch.Tensor, frag_end: torch.Tensor, num_heads: int, rule: str) -> torch.Tensor:
    """Labels [K, B, T] for K heads from base labels [B, T] (IGNORE on padding)
    and fragment-end flags [B, T] (1 where the token is the last of its fragment).

    rule `vanilla`: head k at t learns labels[t + k] (MEDUSA).
    rule `syntax`: the same, but ignored where labels[t + k] is not the last
    token of its fragment: a head only learns to complete fragments, so a
    speculated run it proposes tends to end on a fragment boundary.
    """
    if rule not in ("vanilla", "syntax"):
        raise ValueError(f"unknown head label rule {rule!r} (vanilla or syntax)")
    batch, length = labels.shape
    out = torch.full((num_heads, batch, length), IGNORE, dtype=labels.dtype, device=labels.device)
    for k in range(1, num_heads + 1):
        if k >= length:
            break
        target = labels[:, k:].clone()
        if rule == "syntax":
            target[frag_end[:, k:] == 0] = IGNORE
        out[k - 1, :, : length - k] = target
    return out


def head_inputs(labels: torch.Tensor, num_heads: int, pad_id: int) -> torch.Tensor:
    """Chained heads' input tokens [K, B, T]: head k at t reads labels[t + k - 1], the
    token just before its target (head 1 reads the base's target); pad past the end."""
    batch, length = labels.shape
    out = torch.full((num_heads, batch, length), pad_id, dtype=labels.dtype, device=labels.device)
    for k in range(1, num_heads + 1):
        if k - 1 >= length:
            break
        out[k - 1, :, : length - k + 1] = labels[:, k - 1 :]
    out[out == IGNORE] = pad_id
    return out


def with_frag_tokens(labels: list[int], frag_end: list[int], frag_id: int, eos_id: int) -> tuple[list[int], list[int]]:
    """The paper-literal variant: a [FRAG] token after every token that ends a
    fragment (not after </s>), so the decoder stream itself marks fragments.
    Returns the new labels and their flags ([FRAG] ends a fragment, the token
    before it no longer does: the span completes at the marker)."""
    out, flags = [], []
    for token, end in zip(labels, frag_end):
        out.append(token)
        if end and token != eos_id:
            flags.append(0)
            out.append(frag_id)
            flags.append(1)
        else:
            flags.append(1 if token == eos_id else end)
    return out, flags


def shift_right(labels: torch.Tensor, start_id: int, pad_id: int) -> torch.Tensor:
    """Decoder inputs: the start token, then the labels but the last (IGNORE -> pad)."""
    inputs = torch.full_like(labels, pad_id)
    inputs[:, 1:] = labels[:, :-1]
    inputs[:, 0] = start_id
    inputs[inputs == IGNORE] = pad_id
    return inputs
