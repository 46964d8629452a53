#!/usr/bin/env bash
# Reproduces the shipped default model on CPU, from nothing: the corpus, the
# base (next-token), vanilla and syntax heads on the frozen base (MEDUSA-1),
# then export and quantization into public/models/verispec-small.
# Every stage resumes from its checkpoint when run again; a finished stage is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(bash train/setup.sh)"
py="$venv/bin/python"
data="${VERISPEC_DATA:-data}"
epochs="${BASE_EPOCHS:-2.5}"
head_epochs="${HEAD_EPOCHS:-1.5}"

# The device decides the batch and precision: on CUDA GPUs bf16 and 4x the tokens per batch
# (one H200 runs train/ about 130x faster than two CPU cores), on several GPUs `accelerate launch`.
gpus="$("$py" -c 'import torch; print(torch.cuda.device_count() if torch.cuda.is_available() else 0)')"
if [ "$gpus" -gt 0 ]; then
  batch=(--max-tokens "${MAX_TOKENS:-24576}" --bf16)
  launch=("$py" -m accelerate.commands.launch --num_processes "$gpus" --mixed_precision bf16 -m)
  echo "make-default-model: $gpus CUDA GPU(s), bf16" >&2
else
  batch=(--max-tokens "${MAX_TOKENS:-6144}")
  launch=("$py" -m)
  echo "make-default-model: CPU" >&2
fi

[ -f "$data/corpus/train.jsonl" ] || node bin/verispec.mjs corpus build --out "$data/corpus" --cache "$data/cache"

corpus="$(cd "$data/corpus" && pwd)"
runs="$(mkdir -p "$data/runs" && cd "$data/runs" && pwd)"
cd train
[ -f "$runs/base/final/train-ntp.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/base" --mode ntp \
  --epochs "$epochs" "${batch[@]}" --lr 1e-3 --warmup 300 --eval-every 1000 --resume
for rule in vanilla syntax; do
  [ -f "$runs/$rule/final/train-medusa1-$rule.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/$rule" \
    --mode medusa1 --init "$runs/base/final" --rule "$rule" --epochs "$head_epochs" "${batch[@]}" --lr 1e-3 --warmup 100 \
    --eval-every 1000 --resume
done
"$py" -m verispec_train.export.package --base "$runs/base/final" --heads "vanilla=$runs/vanilla/final" \
  --heads "syntax=$runs/syntax/final" --corpus "$corpus" --out ../public/models/verispec-small --quantizations int8,q4
