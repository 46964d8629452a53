"""Packages of larger sizes, randomly initialised, from the project's own
pipeline: for measuring what export, download, load and decoding cost as
the model grows (random weights write garbage; these are measurement
artifacts, not models).

    python -m verispec_train.scale --shape codet5p-220m --corpus ../data/corpus --out ../data/scale/codet5p-220m

Writes OUT/checkpoint (a Hugging Face folder as a person's own CodeT5p one
would be: config, weights, vocab.json + merges.txt; plus zero-initialised
MEDUSA heads saved as the variants `vanilla` and `syntax`), OUT/package
(exported by `export.package.build`, as a trained model is) and
OUT/export.json (seconds and peak RSS of each phase, package bytes per
quantization).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import torch
from transformers import T5Config, T5ForConditionalGeneration

from .codet5p_tokenizer import codet5p_like_tokenizer
from .export import package
from .export.quantize import QUANTIZATIONS
from .model import HEADS_CONFIG, HEADS_FILE, HeadsConfig, T5Medusa

# d_model, d_kv, d_ff, encoder layers, decoder layers, attention heads, vocabulary (the tokenizer's size), <extra_id_N> tokens
SHAPES: dict[str, tuple[int, int, int, int, int, int, int, int]] = {
    "tiny": (64, 16, 128, 2, 2, 4, 512, 3),
    "t5-small": (512, 64, 2048, 6, 6, 8, 32100, 100),  # T5-small's sizes (its 32,128 embeddings trimmed to the tokenizer)
    "codet5p-220m": (768, 64, 3072, 12, 12, 12, 32100, 100),  # Salesforce/codet5p-220m's config.json
}
VARIANTS = ("vanilla", "syntax")


def shape_config(shape: str) -> T5Config:
    d_model, d_kv, d_ff, layers, decoder_layers, heads, vocab, _ = SHAPES[shape]
    # CodeT5p's ids: <pad> 0 (also the decoder start), <s> 1, </s> 2; relu FF, tied embeddings.
    return T5Config(vocab_size=vocab, d_model=d_model, d_kv=d_kv, d_ff=d_ff, num_layers=layers, num_decoder_layers=decoder_layers,
                    num_heads=heads, relative_attention_num_buckets=32, relative_attention_max_distance=128, dropout_rate=0.1,
                    feed_forward_proj="relu", tie_word_embeddings=True, pad_token_id=0, bos_token_id=1, eos_token_id=2, decoder_start_token_id=0)


def sample_texts(train_jsonl: Path, rows: int) -> list[str]:
    """Outputs and instructions of `rows` rows spread evenly over the file (every n-th line; 0: all)."""
    with train_jsonl.open("rb") as f:
        total = sum(1 for _ in f)
    stride = max(1, -(-total // rows)) if rows else 1
    outputs, instructions = [], []
    with train_jsonl.open() as f:
        for i, line in enumerate(f):
            if i % stride == 0:
                row = json.loads(line)
                outputs.append(row["output"])
                instructions.append(row["instruction"])
    return outputs + instructions


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # kB on Linux


@contextmanager
def phase(record: dict[str, Any], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    record[name] = {"seconds": round(time.perf_counter() - start, 1), "peak_rss_mb": peak_rss_mb()}
    print(f"{name}: {record[name]}", flush=True)


def package_bytes(manifest: dict[str, Any]) -> dict[str, Any]:
    """Per quantization: its graphs (encoder, decoder step, every head variant's heads), and what a
    page downloads for one lane set (those graphs with one head variant, plus kv_commit and the tokenizer)."""
    sizes = {f["path"]: f["bytes"] for f in manifest["files"]}
    shared = sizes[manifest["kv_commit"]] + sizes[manifest["tokenizer"]]
    out: dict[str, Any] = {"total": sum(sizes.values()), "shared": shared}
    for q, graphs in manifest["quantizations"].items():
        heads = [sizes[f] for f in graphs["heads"].values()]
        base = sizes[graphs["encoder"]] + sizes[graphs["decoder_step"]]
        out[q] = {"encoder": sizes[graphs["encoder"]], "decoder_step": sizes[graphs["decoder_step"]], "heads_per_variant": heads[0],
                  "graphs": base + sum(heads), "download_one_variant": base + heads[0] + shared}
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shape", choices=sorted(SHAPES), required=True)
    p.add_argument("--corpus", type=Path, required=True, help="a corpus folder: train.jsonl (the BPE's text), validation.jsonl, test.jsonl")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--quantizations", default="int8,q4", help=f"comma-separated, of {', '.join(QUANTIZATIONS)}")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--bpe-rows", type=int, default=0, help="train.jsonl rows (spread evenly) the BPE is trained on (0: all; all of data/corpus takes about 30 s and fills 32,000 BPE tokens, 20,000 rows only 18,015)")
    p.add_argument("--agreement-prompts", type=int, default=4)
    p.add_argument("--accuracy-examples", type=int, default=16, help="validation examples for the heads' rank accuracy (meaningless on random weights: kept small)")
    p.add_argument("--max-heads", type=int, default=5)
    args = p.parse_args(argv)
    quantizations = [q for q in args.quantizations.split(",") if q]
    if unknown := [q for q in quantizations if q not in QUANTIZATIONS]:
        p.error(f"unknown quantization {unknown[0]!r}")
    config = shape_config(args.shape)
    checkpoint, out = args.out / "checkpoint", args.out / "package"
    record: dict[str, Any] = {"shape": args.shape, "seed": args.seed, "bpe_rows": args.bpe_rows, "threads": torch.get_num_threads()}
    phases: dict[str, Any] = {}

    with phase(phases, "tokenizer"):
        texts = sample_texts(args.corpus / "train.jsonl", args.bpe_rows)
        tokenizer = codet5p_like_tokenizer(texts, config.vocab_size, extra_ids=SHAPES[args.shape][7])
        record["tokenizer"] = {"texts": len(texts), "size": len(tokenizer),
                               "filler_tokens": sum(t.startswith("<unused_") for t in tokenizer.get_added_vocab())}
    with phase(phases, "init"):
        torch.manual_seed(args.seed)
        model = T5Medusa(T5ForConditionalGeneration(config).eval(), HeadsConfig())  # the heads' blocks start at zero, as training's do
        model.save(checkpoint, None)
        tokenizer.save_pretrained(checkpoint, legacy_format=True)  # the hub's layout: vocab.json + merges.txt
        for variant in VARIANTS:  # as train.py leaves them: heads-VARIANT.pt and .json beside the base
            torch.save(model.heads.state_dict(), checkpoint / HEADS_FILE.format(variant=variant))
            (checkpoint / HEADS_CONFIG.format(variant=variant)).write_text(json.dumps(asdict(model.heads.config)) + "\n")
        record["parameters"] = sum(t.numel() for t in model.base.parameters())
        del model
    with phase(phases, "export"):
        manifest = package.build(checkpoint, {v: checkpoint for v in VARIANTS}, args.corpus, out, quantizations, f"scale-{args.shape}",
                                 args.agreement_prompts, transformers_js=False, max_heads=args.max_heads, accuracy_examples=args.accuracy_examples)
    record["phases"] = phases
    record["package_bytes"] = package_bytes(manifest)
    (args.out / "export.json").write_text(json.dumps(record, indent=1) + "\n")
    print(json.dumps(record, indent=1))
    return record


if __name__ == "__main__":
    main()
