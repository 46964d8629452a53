"""Greedy decoding through the exported graphs (one node per step, the NTP
lane in Python): measures quantized variants against fp32 and records the
expected outputs the engine's tests compare with."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort


class StepModel:
    """The encoder and decoder-step graphs of one quantization variant."""

    def __init__(self, encoder: Path, step: Path) -> None:
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self.encoder = ort.InferenceSession(str(encoder), options, providers=["CPUExecutionProvider"])
        self.step = ort.InferenceSession(str(step), options, providers=["CPUExecutionProvider"])
        past = self.step.get_inputs()[4].shape  # [L, H, past, d_kv]
        self.layers, self.heads, self.d_kv = int(past[0]), int(past[1]), int(past[3])
        # Packages exported before the step read a logit bias have no such input.
        self.bias = {"logit_bias": np.zeros((1, int(self.step.get_inputs()[-1].shape[1])), dtype=np.float32)} if self.step.get_inputs()[-1].name == "logit_bias" else {}

    def greedy(self, input_ids: list[int], max_new_tokens: int, start_id: int = 0, eos_id: int = 1) -> list[int]:
        cross_key, cross_value = self.encoder.run(None, {"input_ids": np.array([input_ids], dtype=np.int64)})
        past_key = np.zeros((self.layers, self.heads, 0, self.d_kv), dtype=np.float32)
        past_value = past_key.copy()
        last, out = start_id, []
        for position in range(max_new_tokens):
            argmax, *_, present_key, present_value = self.step.run(None, {
                "tokens": np.array([last], dtype=np.int64), "positions": np.array([position], dtype=np.int64),
                "parents": np.array([-1], dtype=np.int64), "tree_bias": np.zeros((1, 1), dtype=np.float32),
                "past_key": past_key, "past_value": past_value, "past_length": np.array([position], dtype=np.int64), "cross_key": cross_key, "cross_value": cross_value,
                "temperature": np.ones(1, dtype=np.float32), "uniforms": np.zeros(1, dtype=np.float32), **self.bias,
            })
            past_key = np.concatenate([past_key, present_key], axis=2)
            past_value = np.concatenate([past_value, present_value], axis=2)
            last = int(argmax[0])
            if last == eos_id:
                break
            out.append(last)
        return out


def agreement(reference: list[list[int]], candidate: list[list[int]]) -> dict[str, float]:
    """Share of prompts decoded identically, and the mean share of each
    reference output reproduced before the first divergence."""
    same = sum(r == c for r, c in zip(reference, candidate))
    prefix = []
    for r, c in zip(reference, candidate):
        n = 0
        while n < min(len(r), len(c)) and r[n] == c[n]:
            n += 1
        prefix.append(n / max(1, len(r)) if r != c else 1.0)
    return {"identical": same / len(reference), "prefix": float(np.mean(prefix))}
