"""Finishes the corpus the Node side harvested and annotated.

    python -m verispec_train.corpus --raw data/corpus/raw --out data/corpus

Reads raw/synthetic.jsonl and raw/rtl.jsonl (with fragment spans), removes
near-duplicate RTL, splits it, measures candidate vocabulary sizes and keeps
one tokenizer, then writes train/validation/test.jsonl with token ids and
per-token fragment-end flags, tokenizer.json, and stats.json / stats.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from tokenizers import Tokenizer

from .dedup import near_duplicates
from .fragments import fragment_end_flags, pairs, straddling_tokens
from .tokenizer import source_text, train_tokenizer

SPLITS = ("train", "validation", "test")
RTL_VALIDATION_SHARE = 0.05
# Longest sequences the small model trains on; longer examples are dropped and counted.
MAX_SOURCE_TOKENS = 512
MAX_TARGET_TOKENS = 768
# A larger vocabulary is kept only while it shortens the text by at least this much.
MIN_COMPRESSION_GAIN = 0.05

Example = dict[str, Any]


def read_jsonl(path: Path) -> list[Example]:
    with path.open() as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, rows: list[Example]) -> None:
    with path.open("w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def dedup_and_split_rtl(rtl: list[Example]) -> tuple[list[Example], dict[str, int]]:
    """Keeps one module of each near-duplicate group (source trees first, then
    by path, so the choice is stable) and gives each a split by a hash of its
    text: near-duplicates cannot land on both sides."""
    order = sorted(range(len(rtl)), key=lambda i: (rtl[i]["meta"]["origin"] != "source", rtl[i]["meta"]["package"], rtl[i]["meta"]["path"], i))
    ordered = [rtl[i] for i in order]
    keep = near_duplicates([e["input"] + e["output"] for e in ordered])
    kept = [ordered[i] for i in keep]
    for e in kept:
        h = int(hashlib.sha256(e["output"].encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        e["split"] = "validation" if h < RTL_VALIDATION_SHARE else "train"
    return kept, {"before": len(rtl), "after": len(kept)}


def measure(tokenizer: Tokenizer, examples: list[Example]) -> dict[str, float]:
    """Tokens per character of the outputs, and the share of output tokens
    that straddle a fragment boundary."""
    chars = tokens = straddling = 0
    encodings = tokenizer.encode_batch([e["output"] for e in examples], add_special_tokens=False)
    for e, enc in zip(examples, encodings):
        chars += len(e["output"])
        tokens += len(enc.ids)
        straddling += straddling_tokens(enc.offsets, e["fragments"])
    return {"tokens_per_char": tokens / chars, "straddle_rate": straddling / tokens, "tokens": tokens, "chars": chars}


def choose_vocab(measurements: dict[int, dict[str, float]]) -> int:
    """The largest size reached by steps that each shorten the text by at
    least MIN_COMPRESSION_GAIN: past the knee, a bigger embedding buys little."""
    sizes = sorted(measurements)
    chosen = sizes[0]
    for smaller, larger in zip(sizes, sizes[1:]):
        gain = 1 - measurements[larger]["tokens_per_char"] / measurements[smaller]["tokens_per_char"]
        if gain < MIN_COMPRESSION_GAIN:
            break
        chosen = larger
    return chosen


def annotate(tokenizer: Tokenizer, examples: list[Example], max_source: int = MAX_SOURCE_TOKENS) -> tuple[list[Example], Counter[str]]:
    """Adds token ids and fragment-end flags; drops (and counts) examples too long to train on."""
    sources = tokenizer.encode_batch([source_text(e["instruction"], e["input"]) for e in examples])
    targets = tokenizer.encode_batch([e["output"] for e in examples])
    out: list[Example] = []
    dropped: Counter[str] = Counter()
    for e, src, tgt in zip(examples, sources, targets):
        if len(src.ids) > max_source:
            dropped["source_too_long"] += 1
            continue
        if len(tgt.ids) > MAX_TARGET_TOKENS:
            dropped["target_too_long"] += 1
            continue
        row = {k: e[k] for k in ("id", "source", "split", "instruction", "input", "output", "meta")}
        row["input_ids"] = src.ids
        row["labels"] = tgt.ids
        row["frag_end"] = fragment_end_flags(tgt.offsets, e["fragments"])
        row["fragments"] = e["fragments"]
        out.append(row)
    return out, dropped


def stats_report(rows: dict[str, list[Example]], node_stats: dict[str, Any], vocab: dict[str, Any], dedup: dict[str, int], dropped: Counter[str], kinds: Counter[str], seconds: float) -> dict[str, Any]:
    per_family: dict[str, dict[str, int]] = defaultdict(lambda: {s: 0 for s in SPLITS})
    tokens: dict[str, dict[str, int]] = {}
    for split, examples in rows.items():
        tokens[split] = {"source": sum(len(e["input_ids"]) for e in examples), "target": sum(len(e["labels"]) for e in examples)}
        for e in examples:
            per_family[e["meta"].get("family", "rtl")][split] += 1
    all_rows = [e for examples in rows.values() for e in examples]
    fragments_per_example = [len(e["fragments"]) // 2 for e in all_rows]
    flags = [f for e in all_rows for f in e["frag_end"]]
    tokens_per_fragment = [len(e["labels"]) / max(1, len(e["fragments"]) // 2) for e in all_rows]
    return {
        "examples": {split: len(examples) for split, examples in rows.items()},
        "by_source": {split: dict(Counter(e["source"] for e in examples)) for split, examples in rows.items()},
        "per_family": dict(sorted(per_family.items())),
        "tokens": tokens,
        "dedup": {**dedup, "ratio": dedup["after"] / max(1, dedup["before"])},
        "dropped_too_long": dict(dropped),
        "fragments": {
            "total": sum(fragments_per_example),
            "per_example_mean": statistics.fmean(fragments_per_example),
            "target_tokens_per_fragment_mean": statistics.fmean(tokens_per_fragment),
            "kinds": dict(kinds.most_common()),
            "token_ends_fragment_share": sum(flags) / len(flags),
        },
        "tokenizer": vocab,
        "synthetic": node_stats["synthetic"],
        "rtl": node_stats["rtl"],
        "seconds": {"node": node_stats["seconds"], "python": seconds},
    }


def markdown(stats: dict[str, Any]) -> str:
    lines = ["# Corpus statistics", "", "| split | examples | synthetic | rtl | source tokens | target tokens |", "| --- | --- | --- | --- | --- | --- |"]
    for split in SPLITS:
        src = stats["by_source"][split]
        tok = stats["tokens"][split]
        lines.append(f"| {split} | {stats['examples'][split]} | {src.get('synthetic', 0)} | {src.get('rtl', 0)} | {tok['source']} | {tok['target']} |")
    v = stats["tokenizer"]
    lines += ["", f"Tokenizer: byte-level BPE, vocabulary {v['chosen']} (rule: {v['rule']}).", "", "| vocab | tokens/char | straddle rate |", "| --- | --- | --- |"]
    for size, m in sorted(v["candidates"].items(), key=lambda kv: int(kv[0])):
        lines.append(f"| {size} | {m['tokens_per_char']:.4f} | {m['straddle_rate']:.4f} |")
    d, fr, syn = stats["dedup"], stats["fragments"], stats["synthetic"]
    lines += [
        "",
        f"Real RTL: {d['before']} modules, {d['after']} after MinHash dedup (ratio {d['ratio']:.3f}).",
        f"Synthetic: {syn['families']} families, {syn['passed']}/{syn['simulated']} references pass their testbench, {syn['duplicates']} exact duplicates dropped.",
        f"Fragments: {fr['total']} ({fr['per_example_mean']:.1f} per example, {fr['target_tokens_per_fragment_mean']:.2f} target tokens per fragment); "
        f"{fr['token_ends_fragment_share']:.3f} of target tokens end a fragment.",
        f"Dropped as too long: {stats['dropped_too_long']}.",
        "",
        "| family | train | validation | test |",
        "| --- | --- | --- | --- |",
    ]
    for family, counts in stats["per_family"].items():
        lines.append(f"| {family} | {counts['train']} | {counts['validation']} | {counts['test']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--vocab-sizes", default="2000,4000,8000,16000")
    parser.add_argument("--tokenizer", type=Path, help="use this tokenizer.json (the one a model continues training with) instead of training one")
    parser.add_argument("--max-source-tokens", type=int, default=MAX_SOURCE_TOKENS, help="longest spec kept, in tokens (the encoder's limit in the exported package)")
    args = parser.parse_args(argv)
    started = time.time()

    synthetic = read_jsonl(args.raw / "synthetic.jsonl")
    rtl, dedup = dedup_and_split_rtl(read_jsonl(args.raw / "rtl.jsonl"))
    node_stats = json.loads((args.raw / "stats.json").read_text())
    by_split: dict[str, list[Example]] = {s: [e for e in synthetic + rtl if e["split"] == s] for s in SPLITS}
    print(f"corpus: {len(synthetic)} synthetic, RTL {dedup['before']} -> {dedup['after']} after dedup", flush=True)

    # Test tasks are never seen, not even by the tokenizer.
    train_texts = [t for e in by_split["train"] for t in (source_text(e["instruction"], e["input"]), e["output"])]
    candidates: dict[int, dict[str, float]] = {}
    if args.tokenizer:
        # A model that continues training keeps its vocabulary: its embeddings are indexed by it.
        tokenizer = Tokenizer.from_file(str(args.tokenizer))
        chosen = tokenizer.get_vocab_size()
        candidates[chosen] = measure(tokenizer, by_split["validation"])
        rule = f"given: {args.tokenizer.name} (the tokenizer training continues with)"
    else:
        tokenizers: dict[int, Tokenizer] = {}
        for size in sorted(int(s) for s in args.vocab_sizes.split(",")):
            tokenizers[size] = train_tokenizer(train_texts, size)
            candidates[size] = measure(tokenizers[size], by_split["validation"])
            print(f"corpus: vocab {size}: {candidates[size]['tokens_per_char']:.4f} tokens/char, straddle rate {candidates[size]['straddle_rate']:.4f}", flush=True)
        chosen = choose_vocab(candidates)
        tokenizer = tokenizers[chosen]
        rule = f"largest size whose every step up shortens validation outputs by >= {MIN_COMPRESSION_GAIN:.0%}"
    args.out.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(args.out / "tokenizer.json"))

    rows: dict[str, list[Example]] = {}
    dropped: Counter[str] = Counter()
    for split in SPLITS:
        rows[split], d = annotate(tokenizer, by_split[split], args.max_source_tokens)
        dropped += d
        write_jsonl(args.out / f"{split}.jsonl", rows[split])
    kinds: Counter[str] = Counter()
    for e in synthetic + rtl:
        kinds.update(e["fragmentKinds"])
    vocab = {
        "chosen": chosen,
        "rule": rule,
        "candidates": {str(k): v for k, v in candidates.items()},
    }
    stats = stats_report(rows, node_stats, vocab, dedup, dropped, kinds, time.time() - started)
    (args.out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n")
    (args.out / "stats.md").write_text(markdown(stats))
    print(markdown(stats), flush=True)


if __name__ == "__main__":
    main()
