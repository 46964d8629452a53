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

[ -f "$data/corpus/train.jsonl" ] || node bin/verispec.mjs corpus build --out "$data/corpus" --cache "$data/cache"

corpus="$(cd "$data/corpus" && pwd)"
runs="$(mkdir -p "$data/runs" && cd "$data/runs" && pwd)"
cd train
[ -f "$runs/base/final/train-ntp.json" ] || "$py" -m verispec_train.train --corpus "$corpus" --out "$runs/base" --mode ntp \
  --epochs "$epochs" --max-tokens 6144 --lr 1e-3 --warmup 300 --eval-every 1000 --resume
for rule in vanilla syntax; do
  [ -f "$runs/$rule/final/train-medusa1-$rule.json" ] || "$py" -m verispec_train.train --corpus "$corpus" --out "$runs/$rule" \
    --mode medusa1 --init "$runs/base/final" --rule "$rule" --epochs "$head_epochs" --max-tokens 6144 --lr 1e-3 --warmup 100 \
    --eval-every 1000 --resume
done
"$py" -m verispec_train.export.package --base "$runs/base/final" --heads "vanilla=$runs/vanilla/final" \
  --heads "syntax=$runs/syntax/final" --corpus "$corpus" --out ../public/models/verispec-small --quantizations int8,q4
