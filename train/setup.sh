#!/usr/bin/env bash
# Makes (or reuses) the Python environment for train/ and links it as train/.venv.
# The venv lives outside the clone, keyed by the lock's hash, so CI reuses it
# between runs on one machine and a changed lock gets a fresh one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
key="$( (cat "$here/requirements.lock"; "$python" -c 'import sys; print(sys.version)') | sha256sum | cut -c1-16)"
root="${VERISPEC_VENV_ROOT:-$HOME/.cache/verispec}"
venv="$root/venv-$key"
if [ ! -f "$venv/.complete" ]; then
  echo "train/setup.sh: building $venv" >&2
  rm -rf "$venv"
  mkdir -p "$root"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet -r "$here/requirements.lock"
  touch "$venv/.complete"
fi
ln -sfn "$venv" "$here/.venv"
echo "$venv"
