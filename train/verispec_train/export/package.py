"""Assembles a model package (the contract with the engine; see README "Model package").

    python -m verispec_train.export.package --base data/runs/base/final \\
        --heads vanilla=data/runs/vanilla/final --heads syntax=data/runs/syntax/final \\
        --corpus data/corpus --out public/models/verispec-small

Writes model.json, tokenizer.json, and per quantization the encoder, the
tree-verify decoder step and each head variant's heads; the base again in
the layout transformers.js loads (for the benchmark's outside baseline);
measures per-head, per-rank accuracy on validation (for candidate trees) and
the greedy agreement of each quantization with fp32.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import onnx
import torch
from transformers import T5ForConditionalGeneration

from ..data import Example, iterate, token_batches
from ..hashing import sha256
from ..labels import IGNORE, head_labels, shift_right
from ..model import HeadsConfig, T5Medusa, head_variants
from ..model_tokenizer import ModelTokenizer, model_tokenizer
from .greedy import StepModel, agreement
from .onnx_export import ENCODER_IO, HEADS_IO, KV_COMMIT_IO, STEP_IO, export_encoder, export_heads, export_kv_commit, export_step
from .quantize import QUANTIZATIONS, matmul_nbits, quantize
from .tree import grow_tree

FORMAT = "verispec-model"
FORMAT_VERSION = 2  # 2: fixed-capacity KV cache (decoder step past_length, kv_commit slots)
TOP_K = 10
DEFAULT_TREE_NODES = 24


# Not in the manifest's hashed file list: the manifest itself, and calibration.json,
# which `verispec bench --calibrate` rewrites on each machine after the export
# (readers treat it as untrusted, optional input).
UNHASHED = frozenset({"model.json", "calibration.json"})


@torch.no_grad()
def rank_accuracy(model: T5Medusa, examples: list[Example], top_k: int) -> list[list[float]]:
    """accuracy[k][r]: how often head k+1's r-th choice is the right token, on `examples` (validation)."""
    heads, config = model.heads.config.num_heads, model.base.config
    hits = torch.zeros(heads, top_k)
    total = torch.zeros(heads)
    model.eval()
    for _, batch in iterate(examples, token_batches(examples, 4096, seed=0, shuffle=False)):
        _, logits = model(batch.input_ids, batch.attention_mask, shift_right(batch.labels, config.decoder_start_token_id, config.pad_token_id), labels=batch.labels)
        labels = head_labels(batch.labels, batch.frag_end, heads, "vanilla")
        top = logits.topk(top_k, dim=-1).indices  # [K, B, T, top_k]
        for k in range(heads):
            valid = labels[k] != IGNORE
            total[k] += valid.sum()
            hits[k] += ((top[k] == labels[k].unsqueeze(-1)) & valid.unsqueeze(-1)).sum(dim=(0, 1))
    return (hits / total.clamp(min=1).unsqueeze(-1)).tolist()


def export_transformers_js(base_dir: Path, tokenizer: ModelTokenizer, out: Path) -> dict[str, Any]:
    """The base as optimum exports it for transformers.js (onnx/encoder_model.onnx,
    onnx/decoder_model_merged.onnx), int8 as transformers.js's `q8` dtype expects."""
    from optimum.exporters.onnx import main_export

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        main_export(str(base_dir), work, task="text2text-generation-with-past", opset=17, no_post_process=False)
        (out / "onnx").mkdir(parents=True, exist_ok=True)
        for name in ("encoder_model", "decoder_model_merged"):
            onnx.save(matmul_nbits(onnx.load(str(work / f"{name}.onnx")), 8), str(out / "onnx" / f"{name}_quantized.onnx"))
        for name in ("config.json", "generation_config.json"):
            shutil.copy(work / name, out / name)
    tokenizer.transformers_js_files(out)
    return {"folder": out.name, "dtype": "q8"}


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


@torch.no_grad()
def expected_greedy(base: T5ForConditionalGeneration, corpus: Path, tokenizer: ModelTokenizer, count: int, max_new_tokens: int) -> dict[str, Any]:
    """PyTorch's own greedy output (Hugging Face generate) for held-out specs:
    what every decoding strategy of the engine must reproduce at temperature 0."""
    rows = [json.loads(line) for line in (corpus / "test.jsonl").read_text().splitlines()][:count]
    cases = []
    for row in rows:
        input_ids = tokenizer.source_ids(row)
        out = base.generate(torch.tensor([input_ids]), attention_mask=torch.ones(1, len(input_ids), dtype=torch.long),
                            max_new_tokens=max_new_tokens, do_sample=False, num_beams=1)
        ids = [t for t in out[0].tolist()[1:] if t != base.config.eos_token_id]
        cases.append({"id": row["id"], "spec": row["instruction"], "input_ids": input_ids, "output_ids": ids})
    return {"max_new_tokens": max_new_tokens, "cases": cases}


def build(base_dir: Path, heads: dict[str, Path], corpus: Path, out: Path, quantizations: list[str], package_id: str, agreement_prompts: int, transformers_js: bool, expected: int = 0, max_heads: int = 0, max_source_tokens: int = 512, accuracy_examples: int = 400) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    base = T5ForConditionalGeneration.from_pretrained(base_dir).eval()
    config = base.config
    # The base's own tokenizer where it has one (a checkpoint such as CodeT5p's), else the corpus's.
    tokenizer = model_tokenizer(corpus, base_dir)
    tokenizer.write_json(out / "tokenizer.json")
    validation = tokenizer.examples(corpus / "validation.jsonl", max_source=max_source_tokens)
    variants: dict[str, Any] = {}
    graphs: dict[str, dict[str, Any]] = {q: {"heads": {}} for q in quantizations}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp)
        export_encoder(base, fp32 / "encoder.onnx")
        export_step(base, fp32 / "decoder_step.onnx")
        export_kv_commit(base, out / "kv_commit.onnx")  # no weights: one file for every quantization
        for variant, folder in heads.items():
            if variant not in head_variants(folder):
                raise SystemExit(f"{folder} has no heads named {variant!r} (it has: {', '.join(head_variants(folder)) or 'none'})")
            model = T5Medusa(base, HeadsConfig())
            model.load_heads(folder, variant)
            if max_heads:
                model.heads.first(min(max_heads, model.heads.config.num_heads))
            export_heads(model.heads, base, TOP_K, fp32 / f"heads-{variant}.onnx")
            summary_files = sorted(folder.glob(f"train-*-{variant}.json"))
            accuracy = rank_accuracy(model, validation[:accuracy_examples], TOP_K)
            variants[variant] = {
                "rule": variant, "num_heads": model.heads.config.num_heads, "shared_projection": model.heads.config.shared_projection,
                "chained": model.heads.config.chained,
                "rank_accuracy": [[round(a, 5) for a in row] for row in accuracy],
                "default_tree": grow_tree(accuracy, DEFAULT_TREE_NODES),
                "training": json.loads(summary_files[-1].read_text()) if summary_files else None,
            }
        names = ["encoder", "decoder_step", *[f"heads-{v}" for v in heads]]
        for q in quantizations:
            for name in names:
                file = f"{name}.onnx" if q == "fp32" else f"{name}.{q}.onnx"
                quantize(fp32 / f"{name}.onnx", out / file, q)
                if name.startswith("heads-"):
                    graphs[q]["heads"][name[len("heads-"):]] = file
                else:
                    graphs[q][name] = file
        # Greedy agreement of each quantization with fp32, on validation prompts.
        prompts = [e.input_ids for e in validation[:agreement_prompts]]
        reference_model = StepModel(fp32 / "encoder.onnx", fp32 / "decoder_step.onnx")
        reference = [reference_model.greedy(p, 96, config.decoder_start_token_id, config.eos_token_id) for p in prompts]
        agreements = {}
        for q in quantizations:
            candidate = StepModel(out / graphs[q]["encoder"], out / graphs[q]["decoder_step"])
            agreements[q] = agreement(reference, [candidate.greedy(p, 96, config.decoder_start_token_id, config.eos_token_id) for p in prompts])
            agreements[q]["prompts"] = len(prompts)
    if expected:
        (out / "expected-greedy.json").write_text(json.dumps(expected_greedy(base, corpus, tokenizer, expected, 64)) + "\n")
    tjs = export_transformers_js(base_dir, tokenizer, out / "transformers.js") if transformers_js else None
    base_summary = json.loads((base_dir / "train-ntp.json").read_text()) if (base_dir / "train-ntp.json").exists() else None
    stats = json.loads((corpus / "stats.json").read_text()) if (corpus / "stats.json").exists() else {}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": package_id,
        "architecture": {
            "type": "t5", "vocab_size": config.vocab_size, "d_model": config.d_model, "d_kv": config.d_kv, "d_ff": config.d_ff,
            "num_layers": config.num_layers, "num_decoder_layers": config.num_decoder_layers, "num_heads": config.num_heads,
            "relative_attention_num_buckets": config.relative_attention_num_buckets,
            "relative_attention_max_distance": config.relative_attention_max_distance,
            "feed_forward_proj": config.feed_forward_proj, "max_source_tokens": max_source_tokens, "parameters": sum(p.numel() for p in base.parameters()),
        },
        "special_tokens": {**tokenizer.manifest_ids(), "decoder_start": config.decoder_start_token_id},
        "tokenizer": "tokenizer.json",
        "io": {"encoder": ENCODER_IO, "decoder_step": STEP_IO, "heads": HEADS_IO, "kv_commit": KV_COMMIT_IO},
        "kv_commit": "kv_commit.onnx",
        "heads": {"top_k": TOP_K, "variants": variants},
        "quantizations": graphs,
        "default_quantization": "int8" if "int8" in quantizations else quantizations[0],
        "greedy_agreement_with_fp32": agreements,
        "transformers_js": tjs,
        "provenance": {
            "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "git_commit": git_commit(),
            "base_training": base_summary,
            "corpus": {"examples": stats.get("examples"), "tokens": stats.get("tokens"), "train_sha256": sha256(corpus / "train.jsonl")},
        },
    }
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name not in UNHASHED)
    manifest["files"] = [{"path": str(p.relative_to(out)), "bytes": p.stat().st_size, "sha256": sha256(p)} for p in files]
    (out / "model.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", type=Path, required=True, help="the trained base (a save_pretrained folder)")
    p.add_argument("--heads", action="append", default=[], help="VARIANT=FOLDER, once per head variant")
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--id", default=None)
    p.add_argument("--quantizations", default="int8,q4", help=f"comma-separated, of {', '.join(QUANTIZATIONS)}")
    p.add_argument("--agreement-prompts", type=int, default=40)
    p.add_argument("--no-transformers-js", action="store_true")
    p.add_argument("--max-source-tokens", type=int, default=512, help="the longest spec the package accepts (as long as training's --max-source)")
    p.add_argument("--max-heads", type=int, default=5, help="export only the first N heads of each variant (0: all): trees are no deeper (MEDUSA's are at most 4), and every head costs a vocabulary projection each step")
    p.add_argument("--accuracy-examples", type=int, default=400, help="validation examples the heads' rank accuracy (and so the default tree) is measured on")
    p.add_argument("--expected-greedy", type=int, default=0, help="also write PyTorch's greedy output for this many test specs (fixtures)")
    args = p.parse_args(argv)
    heads = {}
    for item in args.heads:
        variant, _, folder = item.partition("=")
        if not folder:
            p.error(f"--heads expects VARIANT=FOLDER, got {item!r}")
        heads[variant] = Path(folder)
    quantizations = [q for q in args.quantizations.split(",") if q]
    for q in quantizations:
        if q not in QUANTIZATIONS:
            p.error(f"unknown quantization {q!r}")
    manifest = build(args.base, heads, args.corpus, args.out, quantizations, args.id or args.out.name, args.agreement_prompts, not args.no_transformers_js, args.expected_greedy, args.max_heads, args.max_source_tokens, args.accuracy_examples)
    total = sum(f["bytes"] for f in manifest["files"])
    print(json.dumps({"package": str(args.out), "bytes": total, "greedy_agreement_with_fp32": manifest["greedy_agreement_with_fp32"]}, indent=1))


if __name__ == "__main__":
    main()
