"""Which model size learns fastest per CPU hour: shapes trained from scratch at equal CPU time.

    python -m verispec_train.sizes --corpus ../data/corpus --out ../data/sizes --minutes 15

Each shape is trained by `train.py` (next-token, from scratch, the same corpus, batches, learning
rate and constant schedule with a short cool-down) for the same minutes of CPU time over its
threads (`--clock cpu`), one shape after another, so each has the machine as the others had it.
The curve is the training loss against CPU minutes: in the first epoch every batch is one the model
has not seen, so it estimates the loss on new examples of the training distribution. The table adds
the held-out validation loss and top-1 at the end. Run it again with more --minutes and every shape
continues from its checkpoint (--resume), so the comparison can be extended from session to session;
a shape that already has the minutes is only summarised (so shapes can also be trained side by side,
one `--shapes` each, and summarised together).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

# The config overrides of each shape (train.py's small_config is the shipped one).
SHAPES: dict[str, dict[str, int]] = {
    "d192-3+3": {"d_model": 192, "d_ff": 768, "num_layers": 3, "num_decoder_layers": 3, "num_heads": 3},
    "d256-4+4 (shipped)": {},
    "d384-6+6": {"d_model": 384, "d_ff": 1536, "num_layers": 6, "num_decoder_layers": 6, "num_heads": 6},
}
CURVE_POINTS = 5  # CPU-minute marks at which the curve is read
# A short warm-up: a larger shape takes fewer steps a minute, and a warm-up counted in steps would hold it back longer.
WARMUP_STEPS = 20


def folder_name(shape: str) -> str:
    return shape.split(" ")[0]


def train_shape(corpus: Path, out: Path, overrides: dict[str, int], minutes: float, seed: int, max_tokens: int) -> None:
    command = [sys.executable, "-m", "verispec_train.train", "--corpus", str(corpus), "--out", str(out), "--mode", "ntp",
               "--config", json.dumps(overrides), "--epochs", "1000", "--lr", "1e-3", "--warmup", str(WARMUP_STEPS), "--schedule", "constant",
               "--cooldown-minutes", str(max(1.0, minutes / 10)), "--dropout", "0", "--max-tokens", str(max_tokens), "--eval-every", "100000", "--seed", str(seed),
               "--max-minutes", str(minutes), "--clock", "cpu", "--resume"]
    subprocess.run(command, check=True)


def trained_minutes(out: Path) -> float:
    """CPU minutes the shape's last finished run reached (0: none): a shape already trained this long is only summarised."""
    summary = out / "final" / "train-ntp.json"
    return json.loads(summary.read_text())["seconds"] / 60 if summary.exists() else 0.0


def read_log(log: Path) -> list[dict[str, Any]]:
    return [r for r in map(json.loads, log.read_text().splitlines()) if "loss/base" in r]


def curve(records: list[dict[str, Any]], minutes: float, points: int = CURVE_POINTS) -> list[tuple[float, float | None]]:
    """Mean training loss over the steps of each window ending at minutes*k/points (CPU minutes)."""
    marks = [minutes * (k + 1) / points for k in range(points)]
    out: list[tuple[float, float | None]] = []
    for k, mark in enumerate(marks):
        low = marks[k - 1] if k else 0.0
        window = [r["loss/base"] for r in records if low * 60 < r["seconds"] <= mark * 60]
        out.append((round(mark, 1), round(sum(window) / len(window), 3) if window else None))
    return out


def summarise(shape: str, out: Path, minutes: float) -> dict[str, Any]:
    summary = json.loads((out / "final" / "train-ntp.json").read_text())
    records = read_log(out / "log.jsonl")
    return {"shape": shape, "parameters": summary["parameters"], "steps": summary["steps"], "epochs": round(summary["epochs"], 3),
            "cpu_minutes": round(summary["seconds"] / 60, 2), "target_tokens_per_cpu_s": round(records[-1]["target_tokens_per_s"], 1) if records else None,
            "validation_loss": round(summary["validation"]["loss/base"], 3), "validation_top1": round(summary["validation"]["top1/base"], 3),
            "curve": curve(records, minutes)}


def table(rows: list[dict[str, Any]]) -> str:
    marks = [m for m, _ in rows[0]["curve"]]
    head = "| shape | parameters | steps | target tokens / CPU s | " + " | ".join(f"train loss at {m} min" for m in marks) + " | validation loss | validation top-1 |"
    lines = [head, "|" + " --- |" * (6 + len(marks))]
    for r in rows:
        losses = " | ".join("-" if v is None else f"{v:.3f}" for _, v in r["curve"])
        lines.append(f"| {r['shape']} | {r['parameters'] / 1e6:.1f}M | {r['steps']} | {r['target_tokens_per_cpu_s']} | {losses} | {r['validation_loss']:.3f} | {r['validation_top1']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="one training folder per shape, and sizes.json / sizes.md")
    parser.add_argument("--minutes", type=float, default=15.0, help="CPU minutes each shape trains (over its threads)")
    parser.add_argument("--shapes", default=",".join(folder_name(s) for s in SHAPES), help="comma-separated shape names")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-tokens", type=int, default=6144, help="padded tokens a batch (the shipped recipe's)")
    args = parser.parse_args(argv)
    chosen = [s for s in SHAPES if folder_name(s) in args.shapes.split(",")]
    if not chosen:
        raise SystemExit(f"no known shape in {args.shapes!r}; known: {', '.join(folder_name(s) for s in SHAPES)}")
    rows = []
    for shape in chosen:
        out = args.out / folder_name(shape)
        if trained_minutes(out) < args.minutes:
            print(f"sizes: {shape}, {args.minutes} CPU minutes", flush=True)
            train_shape(args.corpus, out, SHAPES[shape], args.minutes, args.seed, args.max_tokens)
        rows.append(summarise(shape, out, args.minutes))
    (args.out / "sizes.json").write_text(json.dumps(rows, indent=1) + "\n")
    (args.out / "sizes.md").write_text(table(rows) + "\n")
    print(table(rows))


if __name__ == "__main__":
    main()
