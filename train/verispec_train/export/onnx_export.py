"""Writes the graphs of graphs.py to ONNX (fp32), with the input and output
names the engine reads from model.json."""

from __future__ import annotations

import warnings
from pathlib import Path

import torch
from transformers import T5ForConditionalGeneration

from ..model import ChainedHeads, MedusaHeads
from .graphs import ChainedHeadsGraph, Encoder, Heads, KvCommit, TreeStep

OPSET = 17

ENCODER_IO = {"inputs": ["input_ids"], "outputs": ["cross_key", "cross_value"]}
STEP_IO = {
    "inputs": ["tokens", "positions", "parents", "tree_bias", "past_key", "past_value", "past_length", "cross_key", "cross_value", "temperature", "uniforms", "logit_bias"],
    "outputs": ["argmax", "entropy", "parent_logprob", "sample", "ranked", "hidden", "present_key", "present_value"],
}
HEADS_IO = {"inputs": ["hidden"], "outputs": ["head_ids", "head_logprobs"]}
# Chained heads also read the base's next token (ChainedHeadsGraph).
CHAINED_HEADS_IO = {"inputs": ["hidden", "root"], "outputs": ["head_ids", "head_logprobs"]}
KV_COMMIT_IO = {"inputs": ["past_key", "past_value", "present_key", "present_value", "slots"], "outputs": ["key", "value"]}


def _export(module: torch.nn.Module, args: tuple[torch.Tensor, ...], path: Path, io: dict[str, list[str]], dynamic: dict[str, dict[int, str]]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer chatter about Python ints in shapes
        torch.onnx.export(module, args, str(path), input_names=io["inputs"], output_names=io["outputs"], dynamic_axes=dynamic, opset_version=OPSET, dynamo=False)


@torch.no_grad()
def export_encoder(base: T5ForConditionalGeneration, path: Path) -> None:
    _export(Encoder(base).eval(), (torch.tensor([[5, 6, 7, 1]]),), path, ENCODER_IO,
            {"input_ids": {1: "source"}, "cross_key": {2: "source"}, "cross_value": {2: "source"}})


@torch.no_grad()
def export_step(base: T5ForConditionalGeneration, path: Path) -> None:
    c = base.config
    kv = (c.num_decoder_layers, c.num_heads, 3, c.d_kv)
    src = (c.num_decoder_layers, c.num_heads, 4, c.d_kv)
    args = (torch.tensor([9, 10]), torch.tensor([3, 4]), torch.tensor([-1, 0]), torch.zeros(2, 2), torch.zeros(kv), torch.zeros(kv), torch.tensor([2]), torch.zeros(src), torch.zeros(src), torch.tensor([1.0]), torch.zeros(2), torch.zeros(2, c.vocab_size))
    nodes = {0: "nodes"}
    _export(TreeStep(base).eval(), args, path, STEP_IO, {
        "tokens": nodes, "positions": nodes, "parents": nodes, "tree_bias": {0: "nodes", 1: "nodes"}, "uniforms": nodes, "logit_bias": {0: "bias_rows"},
        "past_key": {2: "capacity"}, "past_value": {2: "capacity"}, "cross_key": {2: "source"}, "cross_value": {2: "source"},
        "argmax": nodes, "entropy": nodes, "parent_logprob": nodes, "sample": nodes, "ranked": nodes, "hidden": nodes,
        "present_key": {2: "nodes"}, "present_value": {2: "nodes"},
    })


@torch.no_grad()
def export_heads(heads: MedusaHeads, base: T5ForConditionalGeneration, top_k: int, path: Path) -> None:
    dynamic = {"hidden": {0: "nodes"}, "head_ids": {1: "nodes"}, "head_logprobs": {1: "nodes"}}
    if isinstance(heads, ChainedHeads):
        _export(ChainedHeadsGraph(heads, base, top_k).eval(), (torch.zeros(1, base.config.d_model), torch.tensor([5])), path, CHAINED_HEADS_IO,
                {**dynamic, "root": {0: "nodes"}})
        return
    _export(Heads(heads, base, top_k).eval(), (torch.zeros(1, base.config.d_model),), path, HEADS_IO, dynamic)


@torch.no_grad()
def export_kv_commit(base: T5ForConditionalGeneration, path: Path) -> None:
    c = base.config
    past, present = torch.zeros(c.num_decoder_layers, c.num_heads, 3, c.d_kv), torch.zeros(c.num_decoder_layers, c.num_heads, 4, c.d_kv)
    _export(KvCommit().eval(), (past, past, present, present, torch.tensor([0, 1, 3, 5, 0])), path, KV_COMMIT_IO, {
        "past_key": {2: "capacity"}, "past_value": {2: "capacity"}, "present_key": {2: "nodes"}, "present_value": {2: "nodes"},
        "slots": {0: "new_capacity"}, "key": {2: "new_capacity"}, "value": {2: "new_capacity"},
    })
