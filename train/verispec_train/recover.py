"""Recovers a trainable checkpoint from an exported model package.

    python -m verispec_train.recover --package public/models/verispec-small --out data/recovered

The package holds every weight of the base and of each head variant, quantized
(int8 blocks with their scales, fp16 embedding tables, small tensors in fp32).
The graph's initializer names are not the model's parameter names (the tracer
names transposed MatMul weights `onnx::MatMul_N`), so the mapping is learnt by
exporting a model of the same architecture whose every parameter holds
distinct random values with the same exporter, and finding each parameter
(or its transpose) among that graph's initializers; the package's initializer
of the same name is then dequantized into it. Writes the base as a Hugging Face
checkpoint and the head variants beside it, as training saves them.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from tokenizers import Tokenizer
from transformers import T5ForConditionalGeneration

from .model import HeadsConfig, T5Medusa, small_config
from .export.graphs import Heads
from .export.greedy import StepModel, agreement
from .export.onnx_export import export_encoder, export_heads, export_step

ARCHITECTURE_KEYS = ("vocab_size", "d_model", "d_kv", "d_ff", "num_layers", "num_decoder_layers", "num_heads",
                     "relative_attention_num_buckets", "relative_attention_max_distance", "feed_forward_proj")


def package_weights(path: Path) -> dict[str, np.ndarray]:
    """The graph's weights by their fp32 name: int8 blocks times their scales, fp16 tables cast back."""
    inits = {i.name: numpy_helper.to_array(i) for i in onnx.load(str(path)).graph.initializer}
    weights: dict[str, np.ndarray] = {}
    for name, value in inits.items():
        if name.endswith("_int8"):
            base = name[: -len("_int8")]
            k, n = (int(v) for v in inits[f"{base}_shape"])
            weights[base] = (value.astype(np.float32) * inits[f"{base}_scale"]).reshape(k, n)
        elif name.endswith("_fp16"):
            weights[name[: -len("_fp16")]] = value.astype(np.float32)
        elif not (name.endswith("_scale") or name.endswith("_shape")):
            weights[name] = value
    return weights


def traced_names(probe_graph: Path, package: dict[str, np.ndarray]) -> dict[str, str]:
    """The probe's tracer-made names (`onnx::MatMul_N`) as the package's graph has them. The numbers
    shift when the graph gains an input (the step's logit bias), but not their order: the k-th
    such name of one export is the k-th of another."""
    def traced(names: list[str]) -> list[str]:
        return sorted((n for n in names if n.startswith("onnx::MatMul_")), key=lambda n: int(n.rsplit("_", 1)[1]))
    ours = traced([i.name for i in onnx.load(str(probe_graph)).graph.initializer])
    theirs = traced(list(package))
    return dict(zip(ours, theirs)) if len(ours) == len(theirs) else {}


def locate(graph_path: Path, tensors: dict[str, torch.Tensor]) -> dict[str, tuple[str, bool]]:
    """For each named tensor, the initializer of the graph that holds it: (name, transposed)."""
    inits = [(i.name, numpy_helper.to_array(i)) for i in onnx.load(str(graph_path)).graph.initializer]
    found: dict[str, tuple[str, bool]] = {}
    for key, tensor in tensors.items():
        value = tensor.detach().numpy()
        # A tensor held twice (the tied embedding: a Gather table and the lm_head's MatMul) is taken
        # from its MatMul copy, the one that decides the package's outputs.
        transposed = [name for name, array in inits if value.ndim == 2 and array.shape == value.T.shape and np.array_equal(array, value.T)]
        plain = [name for name, array in inits if array.shape == value.shape and np.array_equal(array, value)]
        if transposed:
            found[key] = (transposed[0], True)
        elif plain:
            found[key] = (plain[0], False)
    return found


def distinct_random(model: torch.nn.Module, seed: int = 1) -> None:
    """Every parameter gets values no other parameter shares (ones and zeros at init would be ambiguous)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator))


@torch.no_grad()
def recover(package: Path, out: Path, quantization: str = "int8") -> dict[str, int]:
    manifest = json.loads((package / "model.json").read_text())
    arch = manifest["architecture"]
    config = small_config(arch["vocab_size"], **{k: arch[k] for k in ARCHITECTURE_KEYS if k != "vocab_size"})
    files = manifest["quantizations"][quantization]
    variants = manifest["heads"]["variants"]
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        probe = T5Medusa.from_scratch(config, HeadsConfig(num_heads=0))
        distinct_random(probe.base)
        export_encoder(probe.base, Path(tmp) / "encoder.onnx")
        export_step(probe.base, Path(tmp) / "step.onnx")
        params = dict(probe.base.named_parameters())
        # The step graph's copy wins for a tensor both graphs hold (the shared embedding, used by its lm_head).
        mapping = {key: ("encoder", *where) for key, where in locate(Path(tmp) / "encoder.onnx", params).items()}
        mapping.update({key: ("step", *where) for key, where in locate(Path(tmp) / "step.onnx", params).items()})
        missing = sorted(set(params) - set(mapping))
        if missing:
            raise ValueError(f"parameters not found in the exported graphs: {missing}")
        weights = {"encoder": package_weights(package / files["encoder"]), "step": package_weights(package / files["decoder_step"])}
        for graph, probe_graph in (("encoder", Path(tmp) / "encoder.onnx"), ("step", Path(tmp) / "step.onnx")):
            renamed = traced_names(probe_graph, weights[graph])
            mapping = {key: (g, renamed.get(name, name), t) if g == graph else (g, name, t) for key, (g, name, t) in mapping.items()}
        model = T5Medusa.from_scratch(config, HeadsConfig(num_heads=0))
        target = dict(model.base.named_parameters())
        for key, (graph, name, transposed) in mapping.items():
            value = weights[graph][name]
            target[key].copy_(torch.from_numpy(np.array(value.T if transposed else value)))
        model.base.tie_weights()
        model.save(out, None)
        counts["base"] = len(mapping)
        for variant, info in variants.items():
            heads_config = HeadsConfig(num_heads=info["num_heads"], shared_projection=info["shared_projection"])
            probe_heads = T5Medusa(probe.base, heads_config)
            distinct_random(probe_heads.heads)
            path = Path(tmp) / f"heads-{variant}.onnx"
            export_heads(probe_heads.heads, probe.base, manifest["heads"]["top_k"], path)
            graph = Heads(probe_heads.heads, probe.base, manifest["heads"]["top_k"])
            own = {k: v for k, v in graph.named_parameters() if not k.startswith("base.")}
            found = locate(path, own)
            if set(found) != set(own):
                raise ValueError(f"heads {variant}: not found in the exported graph: {sorted(set(own) - set(found))}")
            package_heads = package_weights(package / files["heads"][variant])
            merged = {k: package_heads[name].T if t else package_heads[name] for k, (name, t) in found.items()}
            with_heads = T5Medusa(model.base, heads_config)
            d = config.d_model
            block_weight = torch.from_numpy(np.array(merged["block_weight"])).t()  # [K*d, d]
            block_bias = torch.from_numpy(np.array(merged["block_bias"]))
            for k, block in enumerate(with_heads.heads.blocks):
                block.linear.weight.copy_(block_weight[k * d:(k + 1) * d])
                block.linear.bias.copy_(block_bias[k * d:(k + 1) * d])
            if not heads_config.shared_projection:
                raise ValueError("recovering heads with their own projections is not supported")
            with_heads.save(out, variant)
            counts[variant] = len(found)
    # The training the package records, as train.py's summaries say it (the state's history counts it).
    training = {"base": manifest["provenance"]["base_training"], **{v: info["training"] for v, info in variants.items()}}
    (out / "recovered.json").write_text(json.dumps({"package": manifest["id"], "training": training, "tensors": counts}, indent=1) + "\n")
    return counts


@torch.no_grad()
def greedy_agreement(package: Path, recovered: Path, specs: list[str], max_new_tokens: int = 128, quantization: str = "int8") -> dict[str, float]:
    """The recovered model's greedy outputs (PyTorch) against the package's own (its graphs of `quantization`).
    From int8 they differ at near-ties: the package holds the tied embedding twice (an fp16 table
    and the lm_head's int8 blocks) and the recovered model has one copy."""
    manifest = json.loads((package / "model.json").read_text())
    tokenizer = Tokenizer.from_file(str(package / manifest["tokenizer"]))
    files = manifest["quantizations"][quantization]
    onnx_model = StepModel(package / files["encoder"], package / files["decoder_step"])
    base = T5ForConditionalGeneration.from_pretrained(str(recovered)).eval()
    ours, theirs = [], []
    for spec in specs:
        ids = tokenizer.encode(spec).ids
        generated = base.generate(torch.tensor([ids]), max_new_tokens=max_new_tokens, do_sample=False, num_beams=1)[0].tolist()[1:]
        ours.append([t for t in generated if t != base.config.eos_token_id and t != base.config.pad_token_id])
        theirs.append(onnx_model.greedy(ids, max_new_tokens, base.config.decoder_start_token_id, base.config.eos_token_id))
    return {**agreement(theirs, ours), "prompts": len(specs)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quantization", default="int8", help="which of the package's graphs to read (int8, or fp32 where it has them)")
    parser.add_argument("--check", type=Path, help="a JSONL file of specs ({\"instruction\": ...}): compare greedy outputs with the package's")
    parser.add_argument("--check-prompts", type=int, default=20)
    args = parser.parse_args(argv)
    print(f"recover: {recover(args.package, args.out, args.quantization)}")
    if args.check:
        rows = [json.loads(line) for line in args.check.read_text().splitlines() if line.strip()][: args.check_prompts]
        print(f"recover: greedy agreement with the package: {greedy_agreement(args.package, args.out, [r['instruction'] for r in rows], quantization=args.quantization)}")


if __name__ == "__main__":
    main()
