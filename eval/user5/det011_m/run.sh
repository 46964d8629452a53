#!/bin/sh
# Simulates testbench.v against reference.v, or against the file given as $1.
# Prints the verdict line; exits 0 on PASS. Needs Icarus Verilog (iverilog, vvp).
set -e
here=$(cd "$(dirname "$0")" && pwd)
dut=$(cd "$(dirname "${1:-$here/reference.v}")" && pwd)/$(basename "${1:-reference.v}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
iverilog -g2012 -o "$work/sim.vvp" "$here/testbench.v" "$dut"
timeout 60 vvp -n "$work/sim.vvp" > "$work/sim.log" || true
grep -E '^(PASS|FAIL)' "$work/sim.log" | tail -n 1
grep -q '^PASS' "$work/sim.log"
