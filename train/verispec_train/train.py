"""Training: next-token (ntp), MEDUSA-1 (frozen base, heads) and MEDUSA-2 (joint).

    python -m verispec_train.train --corpus data/corpus --out data/runs/base --mode ntp
    python -m verispec_train.train --corpus data/corpus --out data/runs/syntax --mode medusa1 \\
        --init data/runs/base/final --rule syntax

Multi-GPU: `accelerate launch -m verispec_train.train ...` (or torchrun); bf16
with --bf16 where the device has it. A checkpoint is written every few
minutes; --resume continues from it (same batch order, same step).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, Callable

import torch
from accelerate import Accelerator
from tqdm import tqdm

from .data import iterate, token_batches
from .model import ChainedHeads, HeadsConfig, T5Medusa, set_dropout, small_config
from .model_tokenizer import model_tokenizer
from .objectives import CopyWeight, copyable_ids, evaluate, head_loss_weight, losses

MODES = ("ntp", "medusa1", "medusa2")
RULES = ("vanilla", "syntax", "syntax-frag")


def learning_rate(step: int, total: int, peak: float, warmup: int, schedule: str = "cosine", seconds_left: float = math.inf, cooldown_seconds: float = 0.0) -> float:
    """Linear warm-up, then `cosine`: down to a tenth of the peak over the
    steps; or `constant` (open-ended training that continues from run to run):
    the peak until the last `cooldown_seconds` of the run's time, then linearly
    down to a twentieth of it, so every run ends on cooled weights to export."""
    if step < warmup:
        return peak * (step + 1) / warmup
    if schedule == "constant":
        if cooldown_seconds <= 0 or seconds_left >= cooldown_seconds:
            return peak
        return peak * (0.05 + 0.95 * max(0.0, seconds_left) / cooldown_seconds)
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


def build_model(args: argparse.Namespace, vocab_size: int) -> T5Medusa:
    heads = HeadsConfig(num_heads=args.num_heads if args.mode != "ntp" else 0, shared_projection=not args.own_projection, chained=args.chained)
    if args.init == "scratch":
        overrides = json.loads(args.config) if args.config else {}
        model = T5Medusa.from_scratch(small_config(vocab_size, **overrides), heads, seed=args.seed)
    else:
        model = T5Medusa.from_pretrained(args.init, heads)
    if args.dropout is not None:
        set_dropout(model, args.dropout)
    if args.init == "scratch":
        return model
    if args.init_heads:
        # Heads trained before (on an earlier base): a warm start that adapts in minutes. Their
        # own kind wins, unless --chained asks for chained heads where they are MEDUSA's: then
        # the chain starts as those MEDUSA heads (model.py, ChainedHeads).
        variant = args.variant or args.rule
        model.load_heads(Path(args.init_heads), variant)
        if args.chained and not model.heads.config.chained:
            medusa = model.heads
            model.heads = ChainedHeads(replace(medusa.config, chained=True), model.base)
            model.heads.load_medusa(medusa.state_dict())
        model.heads.first(min(args.num_heads, model.heads.config.num_heads))
    return model


def save_checkpoint(path: Path, state: dict[str, Any]) -> None:
    """Atomically: a stop while writing never leaves a broken checkpoint."""
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    os.replace(tmp, path)


def training_clock(kind: str) -> Callable[[], float]:
    """Seconds of training so far: wall time, or CPU time over the process's threads, which a
    busy machine does not eat into (a bounded run does the same work however the cores are shared)."""
    if kind == "wall":
        return time.time
    threads = max(1, torch.get_num_threads())
    return lambda: time.process_time() / threads


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, required=True, help="folder with train/validation.jsonl and tokenizer.json")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--mode", choices=MODES, default="ntp")
    p.add_argument("--init", default="scratch", help="'scratch', a save_pretrained folder, or a hub id (Salesforce/codet5p-220m); a tokenizer of its own replaces the corpus's ids")
    p.add_argument("--config", default="", help="JSON overrides of the from-scratch T5 config")
    p.add_argument("--rule", choices=RULES, default="vanilla", help="head labels: vanilla (MEDUSA), syntax (the paper), syntax-frag ([FRAG] tokens in the stream)")
    p.add_argument("--variant", default=None, help="name of the head variant saved (default: the rule)")
    p.add_argument("--num-heads", type=int, default=10)
    p.add_argument("--chained", action="store_true", help="chained heads: each also reads the token before its target (model.py)")
    p.add_argument("--own-projection", action="store_true", help="each head its own vocabulary projection (default: shared lm_head)")
    p.add_argument("--epochs", type=float, default=1.0)
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: --epochs decides)")
    p.add_argument("--max-tokens", type=int, default=6144, help="padded source+target tokens per batch")
    p.add_argument("--max-source", type=int, default=512, help="longest spec trained on, in tokens (export the package with the same --max-source-tokens)")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--head-lr-mult", type=float, default=4.0, help="heads' learning rate over the base's (medusa2)")
    p.add_argument("--copy-weight", type=float, default=1.0, help="base-loss weight of target tokens copied from the spec (names, widths; objectives.py)")
    p.add_argument("--dropout", type=float, default=None, help="dropout rate (default: the config's)")
    p.add_argument("--init-heads", default="", help="a folder with heads-<variant>.pt to start the heads from (medusa modes)")
    p.add_argument("--warmup", type=int, default=200)
    p.add_argument("--schedule", choices=("cosine", "constant"), default="cosine", help="cosine over the steps, or constant with a time-based cool-down (--cooldown-minutes before --max-minutes)")
    p.add_argument("--cooldown-minutes", type=float, default=0.0)
    p.add_argument("--eval-every", type=int, default=500)
    p.add_argument("--checkpoint-minutes", type=float, default=10.0)
    p.add_argument("--max-minutes", type=float, default=0.0, help="end training (and save it as final) after this many minutes; 0: no limit")
    p.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="what --max-minutes, the cool-down and checkpoints' elapsed time count: wall time, or this process's CPU time over its threads (a quiet machine's minutes, however busy the machine is)")
    p.add_argument("--resume", action="store_true")
    p.add_argument("--bf16", action="store_true")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    accelerator = Accelerator(mixed_precision="bf16" if args.bf16 else "no")
    # The corpus's tokenizer, or the checkpoint's own (CodeT5p's): the corpus is re-encoded with it.
    tokenizer = model_tokenizer(args.corpus, None if args.init == "scratch" else args.init)
    model = build_model(args, len(tokenizer))
    if len(tokenizer) > model.base.config.vocab_size:
        raise SystemExit(f"the tokenizer has {len(tokenizer)} tokens, the model's embeddings {model.base.config.vocab_size}")
    pad_id, start_id = tokenizer.pad, model.base.config.decoder_start_token_id
    train = tokenizer.examples(args.corpus / "train.jsonl", args.rule == "syntax-frag", args.max_source)
    valid = tokenizer.examples(args.corpus / "validation.jsonl", args.rule == "syntax-frag", args.max_source)
    copyable = copyable_ids(tokenizer.backend)
    copy = CopyWeight(copyable, args.copy_weight) if args.mode != "medusa1" else None

    if args.mode == "medusa1":
        model.base.requires_grad_(False)
        model.base.eval()  # no dropout in a frozen base
    groups = [{"params": [q for q in model.base.parameters() if q.requires_grad], "lr_mult": 1.0},
              {"params": list(model.heads.parameters()), "lr_mult": args.head_lr_mult if args.mode == "medusa2" else 1.0}]
    groups = [g for g in groups if g["params"]]
    optimizer = torch.optim.AdamW(groups, lr=args.lr, weight_decay=0.01)
    model, optimizer = accelerator.prepare(model, optimizer)
    core: T5Medusa = accelerator.unwrap_model(model)

    batches = token_batches(train, args.max_tokens, seed=args.seed)
    mine = batches[accelerator.process_index :: accelerator.num_processes]
    total = args.max_steps or int(args.epochs * len(mine))
    step, epoch, position = 0, 0, 0
    args.out.mkdir(parents=True, exist_ok=True)
    checkpoint = args.out / "checkpoint.pt"
    elapsed = 0.0
    if args.resume and checkpoint.exists():
        state = torch.load(checkpoint, map_location="cpu", weights_only=False)
        core.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        step, epoch, position, elapsed = state["step"], state["epoch"], state["position"], state["elapsed"]
        accelerator.print(f"resumed at step {step} (epoch {epoch}, batch {position})")
    (args.out / "args.json").write_text(json.dumps({k: str(v) for k, v in vars(args).items()}, indent=1) + "\n")
    variant = args.variant or args.rule
    log = (args.out / "log.jsonl").open("a")
    bar = tqdm(total=total, initial=step, disable=not accelerator.is_main_process, dynamic_ncols=True)
    clock = training_clock(args.clock)
    last_save = time.time()
    started = clock() - elapsed
    tokens_seen = 0
    def train_mode() -> None:
        model.train()
        if args.mode == "medusa1":
            core.base.eval()  # a frozen base runs without dropout

    train_mode()

    def snapshot() -> dict[str, Any]:
        return {"model": core.state_dict(), "optimizer": optimizer.state_dict(), "step": step, "epoch": epoch, "position": position, "elapsed": clock() - started}

    def out_of_time() -> bool:
        # Checked every 25 steps on every process at once, so all stop at the same step.
        if not args.max_minutes or step == 0 or step % 25:
            return False
        late = torch.tensor(float(clock() - started > args.max_minutes * 60), device=accelerator.device)
        return bool(accelerator.reduce(late, "max").item())

    while step < total and not out_of_time():
        epoch_batches = token_batches(train, args.max_tokens, seed=args.seed + epoch)[accelerator.process_index :: accelerator.num_processes]
        for index, cpu_batch in iterate(train, epoch_batches, position):
            if step >= total or out_of_time():
                break
            batch = cpu_batch.to(accelerator.device)
            for group in optimizer.param_groups:
                left = args.max_minutes * 60 - (clock() - started) if args.max_minutes else math.inf
                group["lr"] = learning_rate(step, total, args.lr, args.warmup, args.schedule, left, args.cooldown_minutes * 60) * group["lr_mult"]
            with accelerator.autocast():
                base, per_head, _ = losses(model, batch, args.mode, args.rule, start_id, pad_id, copy)
                weights = [head_loss_weight(args.mode, step, total, k + 1) for k in range(len(per_head))]
                loss = (0.0 if args.mode == "medusa1" else base) + sum(w * h for w, h in zip(weights, per_head))
            optimizer.zero_grad(set_to_none=True)
            accelerator.backward(loss)
            accelerator.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            step += 1
            position = index + 1
            tokens_seen += batch.target_tokens
            record = {"step": step, "epoch": epoch, "lr": optimizer.param_groups[0]["lr"], "loss": loss.item(), "loss/base": base.item(),
                      **{f"loss/head{k + 1}": h.item() for k, h in enumerate(per_head)},
                      "target_tokens_per_s": tokens_seen / max(1e-9, clock() - started - elapsed), "seconds": clock() - started}
            if accelerator.is_main_process:
                log.write(json.dumps(record) + "\n")
                bar.set_postfix(loss=f"{record['loss']:.3f}", base=f"{record['loss/base']:.3f}", tok_s=f"{record['target_tokens_per_s']:.0f}")
                bar.update(1)
            if step % args.eval_every == 0 and accelerator.is_main_process:
                metrics = evaluate(core, valid, args.mode, args.rule, args.max_tokens, start_id, pad_id, copyable)
                log.write(json.dumps({"step": step, "validation": metrics}) + "\n")
                log.flush()
                train_mode()
            if time.time() - last_save > args.checkpoint_minutes * 60 and accelerator.is_main_process:
                save_checkpoint(checkpoint, snapshot())
                last_save = time.time()
        else:
            epoch += 1
            position = 0
    bar.close()
    if accelerator.is_main_process:
        save_checkpoint(checkpoint, snapshot())
        metrics = evaluate(core, valid, args.mode, args.rule, args.max_tokens, start_id, pad_id, copyable)
        core.save(args.out / "final", None if args.mode == "ntp" else variant)
        tokenizer.save(args.out / "final")  # a checkpoint's own tokenizer travels with it to the next stage and the export
        summary = {"mode": args.mode, "rule": args.rule, "variant": variant, "steps": step, "epochs": step / max(1, len(mine)),
                   "seconds": clock() - started, "parameters": sum(q.numel() for q in core.base.parameters()),
                   "head_parameters": sum(q.numel() for q in core.heads.parameters()), "heads": asdict(core.heads.config),
                   "config": core.base.config.to_dict(), "validation": metrics}
        (args.out / "final" / f"train-{args.mode}{'' if args.mode == 'ntp' else '-' + variant}.json").write_text(json.dumps(summary, indent=1) + "\n")
        print(json.dumps({"validation": metrics, "seconds": round(summary["seconds"])}, indent=1))


if __name__ == "__main__":
    main()
