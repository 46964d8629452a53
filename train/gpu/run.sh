#!/usr/bin/env bash
# On the GPU machine (no network): trains the default model's stages (train-stages.sh) from the bundle
# train/gpu/bundle.sh made in .gpu/, then leaves the final checkpoints and logs under $OUT in
# parts of at most 15 MiB (at most 8 files of 16 MiB come back: this model makes three). Fits one 10-minute call on one
# H200: each stage is capped in minutes (BASE_MINUTES, HEAD_MINUTES) and saved as it is at the cap.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${OUT:?OUT (the folder that comes back) is not set: run this through the device tool}"
py="${PYTHON:-python3}"
work="${WORK:-/tmp/verispec-gpu}"
exec > >(tee "$OUT/run.log") 2>&1
started=$(date +%s)
rm -rf "$work" && mkdir -p "$work/site"
"$py" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$work/site" .gpu/wheels/*.whl
export PYTHONPATH="$work/site${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 TQDM_MININTERVAL=20
tar -xJf .gpu/corpus.tar.xz -C "$work"
nvidia-smi -L 2>/dev/null || echo "run: no nvidia-smi (CPU)"
"$py" -c 'import torch, transformers; print("torch", torch.__version__, "transformers", transformers.__version__, "cuda", torch.cuda.is_available())'
# With COMPARE=1 the caps shrink so that five stages still fit one call.
if [ "${COMPARE:-0}" = 1 ]; then caps=(3.25 0.9 0.9); else caps=(4 1.25 0); fi
BASE_EPOCHS="${BASE_EPOCHS:-4}" HEAD_EPOCHS="${HEAD_EPOCHS:-2}" M2_EPOCHS="${M2_EPOCHS:-1.5}" \
  COOLDOWN_MINUTES="${COOLDOWN_MINUTES:-1}" BASE_MINUTES="${BASE_MINUTES:-${caps[0]}}" HEAD_MINUTES="${HEAD_MINUTES:-${caps[1]}}" M2_MINUTES="${M2_MINUTES:-${caps[2]}}" \
  bash train/train-stages.sh "$py" "$work/corpus" "$work/runs"
cp "$work/corpus/source.json" "$work/runs/corpus-source.json"
# COMPARE=1: the MEDUSA-2 bases come back in fp16 (half the bytes; the export upcasts them).
extra=()
if [ "${COMPARE:-0}" = 1 ]; then
  for rule in vanilla syntax; do
    "$py" -c 'import sys; from safetensors.torch import load_file, save_file; p = sys.argv[1]; save_file({k: v.half() for k, v in load_file(p).items()}, p, metadata={"format": "pt"})' \
      "$work/runs/m2-$rule/final/model.safetensors"
    extra+=("runs/m2-$rule/final" "runs/m2-$rule/log.jsonl")
  done
fi
# MEDUSA-1 heads sit on the frozen base: their folders' copies of its weights stay behind.
# No compression: float weights barely shrink, and xz would cost device time.
tar -C "$work" --exclude='runs/vanilla/final/model.safetensors' --exclude='runs/syntax/final/model.safetensors' \
  -cf "$work/runs.tar" runs/corpus-source.json runs/base/final runs/vanilla/final runs/syntax/final \
  runs/base/log.jsonl runs/vanilla/log.jsonl runs/syntax/log.jsonl "${extra[@]}"
split -b 15M -d "$work/runs.tar" "$OUT/runs.tar.part-"
echo "run: done in $(( $(date +%s) - started )) s; $(ls "$OUT" | grep -c part-) part(s) in \$OUT"
