#!/usr/bin/env bash
# The default model's training stages on a built corpus: the base (next-token), then vanilla and
# syntax heads on the frozen base (MEDUSA-1). Usage: train-stages.sh PYTHON CORPUS_DIR RUNS_DIR
# Each stage resumes from its checkpoint when run again; a finished stage is skipped. The device
# decides batch and precision: on CUDA GPUs bf16 and 4x the tokens per batch (one H200 runs train/
# about 130x faster than two CPU cores), on several GPUs `accelerate launch`.
# Env: BASE_EPOCHS, HEAD_EPOCHS, MAX_TOKENS, and BASE_MINUTES / HEAD_MINUTES (a stage that runs
# longer ends early and is saved as it is: keeps a lent GPU's run within its time). On the CPU the
# minutes are CPU time over the threads (TRAIN_CLOCK=cpu, train.py --clock): a stage does the same
# work however busy the machine is; TRAIN_CLOCK=wall counts wall time, as on GPUs.
# MAX_SOURCE=1024 trains on specs up to that many tokens (build the corpus with --max-source-tokens 1024 and
# export with the same; make-default-model.sh passes it on).
# COPY_WEIGHT=3 counts the target tokens copied from the spec (names, widths) 3 times in the base's loss (objectives.py).
# BASE_CONFIG='{"d_model": 384, "num_layers": 6, "num_decoder_layers": 6}' sizes the base (T5 config overrides).
# HEADS_CHAINED=1 trains chained heads (model.py) where the heads to continue from are MEDUSA's (from zero, or from
# HEADS_FROM, a folder of heads-<variant>.pt to start the heads from instead of the state's); saved chained heads
# continue as chained heads.
# COMPARE=1 adds the paper's comparison (train/compare.sh): MEDUSA-2, base and heads trained jointly
# from the base, with vanilla and with syntax labels (runs/m2-vanilla, runs/m2-syntax; M2_EPOCHS, M2_MINUTES).
set -euo pipefail
py="$1"
corpus="$(cd "$2" && pwd)"
runs="$(mkdir -p "$3" && cd "$3" && pwd)"
cd "$(dirname "$0")"
# The training state to continue from (train/state, committed; STATE= another; STATE=none: from scratch).
state="${STATE:-state}"
if [ "$state" = none ] || [ ! -f "$state/model.safetensors" ]; then state=""; else state="$(cd "$state" && pwd)"; fi
epochs="${BASE_EPOCHS:-2.5}"
head_epochs="${HEAD_EPOCHS:-1.5}"

gpus="$("$py" -c 'import torch; print(torch.cuda.device_count() if torch.cuda.is_available() else 0)')"
if [ "$gpus" -gt 0 ]; then
  batch=(--max-tokens "${MAX_TOKENS:-24576}" --bf16 --max-source "${MAX_SOURCE:-512}")
  launch=("$py" -m accelerate.commands.launch --num_processes "$gpus" --mixed_precision bf16 -m)
  clock=(--clock wall)
  echo "train-stages: $gpus CUDA GPU(s), bf16" >&2
else
  batch=(--max-tokens "${MAX_TOKENS:-6144}" --max-source "${MAX_SOURCE:-512}")
  launch=("$py" -m)
  clock=(--clock "${TRAIN_CLOCK:-cpu}")
  echo "train-stages: CPU, minutes of ${TRAIN_CLOCK:-cpu} time" >&2
fi

if [ -n "$state" ]; then
  # Continuing: the base from the state at a constant rate, cooled down over the run's last minutes;
  # the heads from the state's heads on the new base. Time decides how far each stage goes; the
  # seed (the number of runs so far) gives each run its own batch order.
  seed="$("$py" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["runs"]))' "$state/history.json")"
  [ -f "$runs/base/final/train-ntp.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/base" --mode ntp \
    --init "$state" --epochs 1000 "${batch[@]}" --lr "${BASE_LR:-1e-3}" --copy-weight "${COPY_WEIGHT:-1}" --warmup 100 --schedule constant --seed "$seed" --dropout "${DROPOUT:-0}" \
    --cooldown-minutes "${COOLDOWN_MINUTES:-10}" --eval-every 1000 --resume --max-minutes "${BASE_MINUTES:-60}" "${clock[@]}"
  for rule in vanilla syntax; do
    [ -f "$runs/$rule/final/train-medusa1-$rule.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/$rule" \
      --mode medusa1 --init "$runs/base/final" --init-heads "${HEADS_FROM:-$state}" ${HEADS_CHAINED:+--chained} --num-heads 5 --rule "$rule" --epochs 1000 "${batch[@]}" --lr 1e-3 \
      --warmup 50 --schedule constant --cooldown-minutes 2 --seed "$seed" --eval-every 1000 --resume --max-minutes "${HEAD_MINUTES:-8}" "${clock[@]}"
  done
else
  [ -f "$runs/base/final/train-ntp.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/base" --mode ntp \
    ${BASE_CONFIG:+--config "$BASE_CONFIG"} --epochs "$epochs" "${batch[@]}" --lr 1e-3 --copy-weight "${COPY_WEIGHT:-1}" --warmup 300 --eval-every 1000 --resume --max-minutes "${BASE_MINUTES:-0}" "${clock[@]}"
  for rule in vanilla syntax; do
    [ -f "$runs/$rule/final/train-medusa1-$rule.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/$rule" \
      --mode medusa1 --init "$runs/base/final" ${HEADS_CHAINED:+--chained} --rule "$rule" --epochs "$head_epochs" "${batch[@]}" --lr 1e-3 --warmup 100 \
      --eval-every 1000 --resume --max-minutes "${HEAD_MINUTES:-0}" "${clock[@]}"
  done
fi

if [ "${COMPARE:-0}" = 1 ]; then
  for rule in vanilla syntax; do
    [ -f "$runs/m2-$rule/final/train-medusa2-$rule.json" ] || "${launch[@]}" verispec_train.train --corpus "$corpus" --out "$runs/m2-$rule" \
      --mode medusa2 --init "$runs/base/final" --rule "$rule" --epochs "${M2_EPOCHS:-1}" "${batch[@]}" --lr 3e-4 --warmup 100 \
      --eval-every 1000 --resume --max-minutes "${M2_MINUTES:-0}" "${clock[@]}"
  done
fi
