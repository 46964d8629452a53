#!/usr/bin/env bash
# The paper's comparison, on one corpus and one base: (a) NTP, (b) MEDUSA-2 with vanilla labels,
# (c) MEDUSA-2 with syntax labels, each with its natural decoder (ntp, medusa, syntax), and two
# ablations: syntax labels without the inference cut, and the cut on vanilla heads. Quality from
# `verispec eval` (greedy: a package's lanes all write its base's code), speed from `verispec bench`
# with lookup off (it is not the paper's) and each variant's default tree.
# Needs data/runs/{base,vanilla,m2-vanilla,m2-syntax}/final: train/train-stages.sh with COMPARE=1
# (on a GPU: COMPARE=1 through train/gpu/, docs/gpu.md). Writes data/compare/: packages, reports, table.md.
# Env: PER_FAMILY (eval tasks per family, default 4), PROMPTS (bench prompts, default 20), MAX_TOKENS.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(bash train/setup.sh)"
py="$venv/bin/python"
data="$(cd "${VERISPEC_DATA:-data}" && pwd)"
out="$data/compare"
mkdir -p "$out"
max_tokens=(${MAX_TOKENS:+--max-tokens "$MAX_TOKENS"})

export_package() { # name base-run heads-variant heads-run
  [ -f "$out/$1/model.json" ] && return
  (cd train && "$py" -m verispec_train.export.package --base "$data/runs/$2/final" --heads "$3=$data/runs/$4/final" \
    --corpus "$data/corpus" --out "$out/$1" --quantizations int8 --no-transformers-js --max-source-tokens "${MAX_SOURCE:-512}" >/dev/null)
}
export_package a-ntp base vanilla vanilla
export_package b-medusa2-vanilla m2-vanilla vanilla m2-vanilla
export_package c-medusa2-syntax m2-syntax syntax m2-syntax

for pkg in a-ntp b-medusa2-vanilla c-medusa2-syntax; do
  [ -f "$out/$pkg-eval.json" ] || node bin/verispec.mjs eval --model "$out/$pkg" --per-family "${PER_FAMILY:-4}" --strategy ntp \
    "${max_tokens[@]}" --json "$out/$pkg-eval.json" > "$out/$pkg-eval.md"
done
bench() { # package report extra-args...
  local pkg="$1" report="$2"; shift 2
  [ -f "$out/$report.json" ] || node bin/verispec.mjs bench --model "$out/$pkg" --prompts "${PROMPTS:-20}" --lookup 0 --no-transformers-js \
    "${max_tokens[@]}" --json "$out/$report.json" "$@" > "$out/$report.md"
}
bench a-ntp a-bench
bench b-medusa2-vanilla b-bench --heads syntax=vanilla   # medusa lane: (b); syntax lane: the cut on vanilla heads
bench c-medusa2-syntax c-bench --heads medusa=syntax     # syntax lane: (c); medusa lane: syntax labels without the cut
(cd train && "$py" -m verispec_train.compare_table "$out") | tee "$out/table.md"
