#!/usr/bin/env bash
# Builds wasm/tree-sitter-verilog.wasm.gz from the parser.c that the
# tree-sitter-verilog npm package ships (it ships no wasm). Needs Debian's
# emscripten (apt-get install emscripten). The result is committed, so a fresh
# machine never needs to run this.
#
# Reproducible: the grammar version and its tarball hash are pinned; gzip -n
# drops the timestamp.
set -euo pipefail
GRAMMAR_VERSION=1.0.0
GRAMMAR_INTEGRITY='sha512-SSGUwA+mQ1Jxn/V2ROLj3+leO/68f+7MxWzoz5kOaJ3qzKAveSWjxOATGmiFMLy4DJ+/0pDXFnapwMDih2Cx6Q=='

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v emcc >/dev/null || { echo "emcc not found: apt-get install emscripten" >&2; exit 1; }

cd "$work"
tarball=$(npm pack --silent "tree-sitter-verilog@${GRAMMAR_VERSION}")
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$GRAMMAR_INTEGRITY" ]; then
  echo "tarball integrity mismatch: $actual" >&2
  exit 1
fi
tar xzf "$tarball"

# Size-optimised side module exporting only the language function, as
# `tree-sitter build --wasm` does; web-tree-sitter links it at load time.
emcc -Os -fno-exceptions \
  -sSIDE_MODULE=2 \
  -sEXPORTED_FUNCTIONS=_tree_sitter_verilog \
  -I package/src package/src/parser.c \
  -o tree-sitter-verilog.wasm

gzip -9 -n -c tree-sitter-verilog.wasm > "$here/tree-sitter-verilog.wasm.gz"
raw=$(stat -c %s tree-sitter-verilog.wasm)
gz=$(stat -c %s "$here/tree-sitter-verilog.wasm.gz")
echo "tree-sitter-verilog.wasm: ${raw} bytes raw, ${gz} bytes gzipped"
echo "sha256 $(sha256sum tree-sitter-verilog.wasm | cut -d' ' -f1)  (uncompressed)"
