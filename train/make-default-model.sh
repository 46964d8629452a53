#!/usr/bin/env bash
# Reproduces the shipped default model from nothing: the corpus, the training stages
# (train-stages.sh: base, then vanilla and syntax heads; on CPU, or CUDA GPUs when there are any),
# then export and quantization into public/models/verispec-small (or $VERISPEC_PACKAGE).
# Every stage resumes from its checkpoint when run again; a finished stage is skipped, so after a
# GPU run (train/gpu/, docs/gpu.md) brought its checkpoints into data/runs, this only exports.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(bash train/setup.sh)"
py="$venv/bin/python"
data="${VERISPEC_DATA:-data}"
package="$(mkdir -p "${VERISPEC_PACKAGE:-public/models/verispec-small}" && cd "${VERISPEC_PACKAGE:-public/models/verispec-small}" && pwd)"

[ -f "$data/corpus/train.jsonl" ] || node bin/verispec.mjs corpus build --out "$data/corpus" --cache "$data/cache" --max-source-tokens "${MAX_SOURCE:-512}"
bash train/train-stages.sh "$py" "$data/corpus" "$data/runs"

corpus="$(cd "$data/corpus" && pwd)"
runs="$(cd "$data/runs" && pwd)"
cd train
"$py" -m verispec_train.export.package --base "$runs/base/final" --heads "vanilla=$runs/vanilla/final" \
  --heads "syntax=$runs/syntax/final" --corpus "$corpus" --out "$package" --quantizations int8,q4 --max-source-tokens "${MAX_SOURCE:-512}"
