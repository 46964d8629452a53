"""Training throughput on this machine: target tokens a second for a few settings, in one run.

    python -m verispec_train.throughput --corpus data/corpus --init train/state --steps 20

Each setting trains the same model (a fresh copy of --init) for --steps next-token steps on the
same batches of the corpus and reports target (label) tokens a second, the padded share of each
batch, and the seconds a step. Settings: the batch size in padded tokens, dropout, and
torch.compile. The first steps of each setting are a warm-up and not counted.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
from pathlib import Path

import torch
import torch.nn.functional as F

from .data import iterate, read_examples, token_batches
from .labels import IGNORE, shift_right
from .model import HeadsConfig, T5Medusa, set_dropout

WARMUP_STEPS = 3


def measure(model: T5Medusa, examples: list, max_tokens: int, steps: int, compile_: bool) -> dict[str, float]:
    model = copy.deepcopy(model)
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    forward = torch.compile(model) if compile_ else model
    batches = token_batches(examples, max_tokens, seed=0)[: steps + WARMUP_STEPS]
    targets, padded, real, seconds = 0, 0, 0, 0.0
    for n, (_, batch) in enumerate(iterate(examples, batches)):
        started = time.perf_counter()
        decoder_inputs = shift_right(batch.labels, model.base.config.decoder_start_token_id, 0)
        logits, _ = forward(batch.input_ids, batch.attention_mask, decoder_inputs, with_heads=False)
        loss = F.cross_entropy(logits.flatten(0, 1), batch.labels.flatten(), ignore_index=IGNORE)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if n < WARMUP_STEPS:
            continue
        seconds += time.perf_counter() - started
        targets += batch.target_tokens
        padded += batch.input_ids.numel() + batch.labels.numel()
        real += int(batch.attention_mask.sum()) + batch.target_tokens
    counted = max(1, len(batches) - WARMUP_STEPS)
    return {"target_tokens_per_s": round(targets / seconds, 1), "padding_share": round(1 - real / padded, 3), "seconds_per_step": round(seconds / counted, 3)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--init", required=True, help="a save_pretrained folder (the training state)")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--settings", default="6144,drop0.1;6144,drop0;12288,drop0;3072,drop0;6144,drop0,compile",
                        help="';'-separated settings: max tokens, dropN (dropout), compile")
    parser.add_argument("--max-source", type=int, default=512)
    args = parser.parse_args(argv)
    examples = read_examples(args.corpus / "train.jsonl", max_source=args.max_source)
    print(f"throughput: {len(examples)} train examples, torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    base = T5Medusa.from_pretrained(args.init, HeadsConfig(num_heads=0))
    results = []
    for setting in args.settings.split(";"):
        parts = setting.split(",")
        max_tokens = int(parts[0])
        dropout = next((float(p[4:]) for p in parts if p.startswith("drop")), 0.1)
        set_dropout(base, dropout)
        result = {"setting": setting, **measure(base, examples, max_tokens, args.steps, "compile" in parts)}
        results.append(result)
        print(json.dumps(result), flush=True)
    print("\n| setting | target tokens/s | padding | s/step |\n| --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['setting']} | {r['target_tokens_per_s']} | {100 * r['padding_share']:.1f}% | {r['seconds_per_step']} |")


if __name__ == "__main__":
    main()
