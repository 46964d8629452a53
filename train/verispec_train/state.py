"""The training state the default model continues from, committed in the repository (train/state/).

    python -m verispec_train.state save --state train/state --base data/runs/base/final \\
        --heads vanilla=data/runs/vanilla/final --heads syntax=data/runs/syntax/final --tokenizer data/corpus/tokenizer.json
    python -m verispec_train.state eval --state train/state --test data/eval/test.json --user data/eval/user.json
    python -m verispec_train.state curve --state train/state

The state is the base as a Hugging Face checkpoint and each head variant, in
fp16 (about 17 MB for the shipped size: small enough for git; the optimizer's
moments are rebuilt by a short warm-up), the tokenizer its embeddings are
indexed by, and `history.json`: every training run (steps, seconds, target
tokens, validation loss) and every eval of an export, so the curve of CPU
hours against quality is kept with the weights it describes.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import torch

from .model import HEADS_CONFIG, HEADS_FILE, HeadsConfig, T5Medusa

HISTORY = "history.json"
KEPT_HEADS = 5  # trees are at most 4 deep; export keeps the first 5 heads (export.package --max-heads)


def read_history(state: Path) -> dict[str, Any]:
    path = state / HISTORY
    return json.loads(path.read_text()) if path.exists() else {"runs": [], "evals": []}


def write_history(state: Path, history: dict[str, Any]) -> None:
    (state / HISTORY).write_text(json.dumps(history, indent=1) + "\n")


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def run_summary(folder: Path, variant: str | None = None) -> dict[str, Any]:
    """What a stage's train-*.json says of the run: steps, seconds, validation loss. A model
    recovered from a package (recover.py) reports the training its manifest records."""
    summaries = sorted(folder.glob("train-*.json"))
    if summaries:
        s = json.loads(summaries[0].read_text())
    elif (folder / "recovered.json").exists():
        recovered = json.loads((folder / "recovered.json").read_text())
        s = recovered["training"][variant or "base"]
    else:
        return {}
    return {"mode": s["mode"], "variant": s.get("variant"), "steps": s["steps"], "seconds": round(s["seconds"], 1),
            "validation_loss": s["validation"].get("loss/base"), "validation_top1": s["validation"].get("top1/base")}


def save(state: Path, base: Path, heads: dict[str, Path], tokenizer: Path, note: str = "") -> dict[str, Any]:
    """Writes the base and the heads (first KEPT_HEADS) in fp16 over the state, and appends the run to its history."""
    state.mkdir(parents=True, exist_ok=True)
    model = T5Medusa.from_pretrained(base, HeadsConfig(num_heads=0))
    half = copy.deepcopy(model.base).half()
    half.save_pretrained(state)
    for variant, folder in heads.items():
        with_heads = T5Medusa.from_pretrained(folder, HeadsConfig(num_heads=0), variant)
        with_heads.heads.first(min(KEPT_HEADS, with_heads.heads.config.num_heads))
        torch.save({k: v.half() for k, v in with_heads.heads.state_dict().items()}, state / HEADS_FILE.format(variant=variant))
        (state / HEADS_CONFIG.format(variant=variant)).write_text(json.dumps(with_heads.heads.config.__dict__) + "\n")
    if tokenizer.resolve() != (state / "tokenizer.json").resolve():
        shutil.copyfile(tokenizer, state / "tokenizer.json")
    history = read_history(state)
    record = {"saved": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "git_commit": git_commit(), "note": note,
              "stages": {"base": run_summary(base), **{v: run_summary(f, v) for v, f in heads.items()}}}
    history["runs"].append(record)
    write_history(state, history)
    return record


def cpu_hours(history: dict[str, Any]) -> float:
    """Training time so far, all stages of all runs (base and heads), in hours of this machine's two cores."""
    return sum(stage.get("seconds", 0.0) for run in history["runs"] for stage in run["stages"].values()) / 3600


def summarize_eval(data: dict[str, Any]) -> dict[str, Any]:
    """The first lane's greedy shares from a `verispec eval --json` report, and how many tasks were trained on."""
    lane = data["lanes"]["syntax"] if "syntax" in data["lanes"] else next(iter(data["lanes"].values()))
    shares = {k: lane["greedy"][k] for k in ("syntax", "interface", "function", "synth") if lane["greedy"].get(k) is not None}
    return {"tasks": lane["tasks"], **shares, "hitLimit": lane["runaway"], "tasksInTraining": len(data.get("training", {}).get("tasksInTraining", []))}


# Evals recorded before the decoding was: the model's own names and no grammar (neither check existed then).
OWN_NAMES = "own names, no grammar"


def decoding_of(data: dict[str, Any]) -> str:
    """How a report's lanes decoded: names from the spec or the model's own, the grammar kept to or not."""
    options = data.get("options", {})
    names, grammar = options.get("names", "free"), options.get("grammar", "off")
    if names == "free" and grammar == "off":
        return OWN_NAMES
    return f"names {'from the spec' if names == 'spec' else 'its own'}, grammar {grammar}"


def record_eval(state: Path, reports: dict[str, Path], package: str, shipped: bool, hours: float | None = None, decoder: str = "") -> dict[str, Any]:
    """Records an export's eval at the state's CPU hours, or at `hours` (a package trained less than the
    state, such as the shipped one measured again); `decoder` names a change of the decoder's rules that
    the reports' options cannot show (the same options, other rules), so rows of two decoders never mix."""
    data = {name: json.loads(path.read_text()) for name, path in reports.items()}
    decodings = {decoding_of(d) for d in data.values()}
    if len(decodings) != 1:
        raise ValueError(f"one eval record needs reports of one decoding, got {sorted(decodings) or 'no reports'}")
    history = read_history(state)
    decoding = decodings.pop() + (f" ({decoder})" if decoder else "")
    record = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "cpu_hours": round(cpu_hours(history) if hours is None else hours, 3),
              "package": package, "shipped": shipped, "decoding": decoding,
              **{name: summarize_eval(d) for name, d in data.items()}}
    history["evals"].append(record)
    write_history(state, history)
    return record


def stamp(state: Path, package: Path) -> dict[str, Any]:
    """Writes the state's training so far (runs, CPU hours) into a package's provenance: of a model
    that continues, the last run alone (its steps, its fraction of an epoch) says little."""
    history = read_history(state)
    so_far = {"runs": len(history["runs"]), "cpu_hours": round(cpu_hours(history), 2)}
    manifest = json.loads((package / "model.json").read_text())
    manifest.setdefault("provenance", {})["training_so_far"] = so_far
    (package / "model.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return so_far


def curve(history: dict[str, Any]) -> str:
    """The curve as a Markdown table: CPU hours of training against eval."""
    def pct(e: dict[str, Any], set_: str, key: str) -> str:
        v = e.get(set_, {}).get(key)
        return "" if v is None else f"{100 * v:.1f}%"

    # user2 ... user5: eval/user2 ... user5, recorded since sessions 20, 22, 25 and 26 (blank before)
    sets = ("test", "user", "user2", "user3", "user4", "user5")
    lines = ["| CPU hours | package | decoding | " + " | ".join(f"{s} {k}" for s in sets for k in ("syntax", "function", "hit cap")) + " | shipped |",
             "| --- " * (4 + 3 * len(sets)) + "|"]
    for e in history["evals"]:
        cells = " | ".join(pct(e, s, k) for s in sets for k in ("syntax", "function", "hitLimit"))
        lines.append(f"| {e['cpu_hours']:.2f} | {e['package']} | {e.get('decoding', OWN_NAMES)} | {cells} | {'yes' if e['shipped'] else 'no'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save", help="write trained stages over the state")
    s.add_argument("--state", type=Path, required=True)
    s.add_argument("--base", type=Path, required=True)
    s.add_argument("--heads", action="append", default=[], help="VARIANT=FOLDER")
    s.add_argument("--tokenizer", type=Path, required=True)
    s.add_argument("--note", default="")
    e = sub.add_parser("eval", help="record an export's eval in the state's history")
    e.add_argument("--state", type=Path, required=True)
    e.add_argument("--test", type=Path, required=True)
    e.add_argument("--user", type=Path, required=True)
    e.add_argument("--user2", type=Path, help="the eval/user2 report")
    e.add_argument("--user3", type=Path, help="the eval/user3 report")
    e.add_argument("--user4", type=Path, help="the eval/user4 report")
    e.add_argument("--user5", type=Path, help="the eval/user5 report")
    e.add_argument("--package", default="candidate")
    e.add_argument("--shipped", action="store_true")
    e.add_argument("--cpu-hours", type=float, help="the package's training so far, where it is not the state's")
    e.add_argument("--decoder", default="", help="a change of the decoder's rules the reports' options do not show")
    t = sub.add_parser("stamp", help="write the state's training so far into a package's model.json")
    t.add_argument("--state", type=Path, required=True)
    t.add_argument("--package", type=Path, required=True)
    c = sub.add_parser("curve", help="print the curve (CPU hours against eval) as Markdown")
    c.add_argument("--state", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "save":
        heads = dict(h.split("=", 1) for h in args.heads)
        print(json.dumps(save(args.state, args.base, {k: Path(v) for k, v in heads.items()}, args.tokenizer, args.note), indent=1))
    elif args.command == "eval":
        extra = {name: path for name, path in (("user2", args.user2), ("user3", args.user3), ("user4", args.user4), ("user5", args.user5))
                 if path}
        reports = {"test": args.test, "user": args.user, **extra}
        print(json.dumps(record_eval(args.state, reports, args.package, args.shipped, args.cpu_hours, args.decoder), indent=1))
    elif args.command == "stamp":
        print(json.dumps(stamp(args.state, args.package)))
    else:
        print(curve(read_history(args.state)), end="")


if __name__ == "__main__":
    main()
