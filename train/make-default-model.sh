#!/usr/bin/env bash
# Makes the default model: the corpus, the training stages (train-stages.sh: base, then vanilla
# and syntax heads; on CPU, or CUDA GPUs when there are any), then export and quantization into
# public/models/verispec-small (or $VERISPEC_PACKAGE).
# With the committed training state (train/state, docs/training.md) training continues from it,
# bounded in minutes (BASE_MINUTES, HEAD_MINUTES), and the state is updated at the end: every run
# adds to the last one. STATE=none trains from scratch instead.
# Every stage resumes from its checkpoint when run again; a finished stage is skipped, so after a
# GPU run (train/gpu/, docs/gpu.md) brought its checkpoints into data/runs, this only exports.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(bash train/setup.sh)"
py="$venv/bin/python"
data="${VERISPEC_DATA:-data}"
package="$(mkdir -p "${VERISPEC_PACKAGE:-public/models/verispec-small}" && cd "${VERISPEC_PACKAGE:-public/models/verispec-small}" && pwd)"
state="${STATE:-train/state}"
if [ "$state" != none ] && [ -f "$state/model.safetensors" ]; then state="$(cd "$state" && pwd)"; else state=""; fi

# A continued model keeps its vocabulary: the corpus is tokenized with the state's tokenizer.
[ -f "$data/corpus/train.jsonl" ] || node bin/verispec.mjs corpus build --out "$data/corpus" --cache "$data/cache" \
  --max-source-tokens "${MAX_SOURCE:-512}" --simulate-train "${SIMULATE_TRAIN:-4}" ${state:+--tokenizer "$state/tokenizer.json"}
STATE="${state:-none}" bash train/train-stages.sh "$py" "$data/corpus" "$data/runs"

corpus="$(cd "$data/corpus" && pwd)"
runs="$(cd "$data/runs" && pwd)"
cd train
"$py" -m verispec_train.export.package --base "$runs/base/final" --heads "vanilla=$runs/vanilla/final" \
  --heads "syntax=$runs/syntax/final" --corpus "$corpus" --out "$package" --id "${PACKAGE_ID:-verispec-small}" --quantizations int8,q4 --max-source-tokens "${MAX_SOURCE:-512}"
if [ -n "$state" ]; then
  "$py" -m verispec_train.state save --state "$state" --base "$runs/base/final" --heads "vanilla=$runs/vanilla/final" \
    --heads "syntax=$runs/syntax/final" --tokenizer "$corpus/tokenizer.json" --note "${NOTE:-}"
  # The package says how long its model was trained in all, not only this run (the page shows it).
  "$py" -m verispec_train.state stamp --state "$state" --package "$package"
  # The next run continues from the state just saved, in fresh stage folders.
  n="$("$py" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["runs"]) - 1)' "$state/history.json")"
  mv "$runs" "$runs.$n"
  echo "make-default-model: training state saved in $state; stage folders kept in $runs.$n"
fi
