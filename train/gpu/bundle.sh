#!/usr/bin/env bash
# Prepares a run of the default model's training on a GPU machine without network access (bare, 64 MiB
# carried per call with the working tree): .gpu/ gets the corpus slimmed to its token ids
# (xz, about 5 MB) and the wheels of the lock's transformers, tokenizers and huggingface_hub
# (the machine's own are newer). docs/gpu.md says how to run it and bring the model home.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${VERISPEC_DATA:-data}"
venv="$(bash train/setup.sh)"
[ -f "$data/corpus/train.jsonl" ] || node bin/verispec.mjs corpus build --out "$data/corpus" --cache "$data/cache"
rm -rf .gpu && mkdir -p .gpu/wheels /tmp/verispec-gpu-bundle
rm -rf /tmp/verispec-gpu-bundle/corpus
(cd train && "$venv/bin/python" -m verispec_train.slim_corpus --corpus "../$data/corpus" --out /tmp/verispec-gpu-bundle/corpus) >/dev/null
cp /tmp/verispec-gpu-bundle/corpus/source.json .gpu/corpus-source.json
tar -C /tmp/verispec-gpu-bundle -cJf .gpu/corpus.tar.xz corpus
lock=train/requirements.lock
for name in transformers tokenizers huggingface_hub; do
  pin="$(grep -i "^${name}==" "$lock")"
  "$venv/bin/python" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .gpu/wheels "$pin"
done
tracked="$(git ls-files -z | du -cb --files0-from=- | tail -1 | cut -f1)"
bundle="$(du -sb .gpu | cut -f1)"
echo "bundle: .gpu/ $((bundle / 1048576)) MiB + working tree $((tracked / 1048576)) MiB (the limit is 64 MiB a call)"
[ $((bundle + tracked)) -lt $((64 * 1048576)) ] || { echo "bundle: too big to carry" >&2; exit 1; }
echo 'next: the device tool, run with carry [".gpu"] and command "bash train/gpu/run.sh" (docs/gpu.md)'
