#!/usr/bin/env bash
# Brings a GPU run home: the parts train/gpu/run.sh left (a folder holding runs.tar.part-*)
# become data/runs/{base,vanilla,syntax}/final, checked against the local corpus they were
# trained on; then make-default-model.sh exports and quantizes them (its training stages are done).
set -euo pipefail
parts="$(cd "${1:?usage: unpack.sh FOLDER_WITH_PARTS}" && pwd)"
cd "$(dirname "$0")/../.."
data="${VERISPEC_DATA:-data}"
mkdir -p "$data"
cat "$parts"/runs.tar.part-* | tar -x -C "$data"
venv="$(bash train/setup.sh)"
"$venv/bin/python" - "$data" <<'PY'
import json, sys
from pathlib import Path
sys.path.insert(0, "train")
from verispec_train.hashing import sha256
data = Path(sys.argv[1])
trained = json.loads((data / "runs" / "corpus-source.json").read_text())
here = sha256(data / "corpus" / "train.jsonl")
if trained["train.jsonl"] != here:
    raise SystemExit(f"unpack: the run trained on corpus {trained['train.jsonl'][:12]}, {data}/corpus is {here[:12]}: rebuild the same corpus first")
print(f"unpack: checkpoints in {data}/runs match {data}/corpus ({here[:12]})")
PY
bash train/make-default-model.sh
