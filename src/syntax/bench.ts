/**
 * Benchmark of the syntax check as the decoding loop uses it: once per step,
 * on a ~4 KB buffer that grows by a few tokens each step. Prints per-call
 * times for the incremental checker and for a fresh parse each call.
 *
 *   npm run bench:syntax [-- FILE]
 */
import { readFileSync } from 'node:fs';
import { loadSyntaxNode } from './node.js';
import type { CompletenessChecker } from './index.js';

const file = process.argv[2] ?? '/usr/share/yosys/simlib.v';
// From the first module on: a licence header would make the buffer mostly one comment.
const whole = readFileSync(file, 'utf8');
const source = whole.slice(Math.max(0, whole.search(/^module\b/m)));
const BUFFER = 4096;
const STEP_CHARS = 8; // what a step commits: ~2 tokens
const CANDIDATE_CHARS = 24; // what a step proposes: ~6 tokens
const TOKEN_CHARS = 4;

const syntax = await loadSyntaxNode();

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Replays decoding from `start` to the 4 KB mark; returns per-call milliseconds. */
function replay(check: () => CompletenessChecker, fresh: boolean, start: number): number[] {
  let checker = check();
  const times: number[] = [];
  for (let committed = start; committed + CANDIDATE_CHARS < BUFFER; committed += STEP_CHARS) {
    const text = source.slice(0, committed);
    const continuation = source.slice(committed, committed + CANDIDATE_CHARS);
    const lookahead = source.slice(committed + CANDIDATE_CHARS, committed + CANDIDATE_CHARS + TOKEN_CHARS);
    const cuts = Array.from({ length: CANDIDATE_CHARS / TOKEN_CHARS }, (_, i) => (i + 1) * TOKEN_CHARS);
    if (fresh) {
      checker.dispose();
      checker = check();
    }
    const t0 = performance.now();
    checker.completeAt(text, continuation, { cuts, lookahead });
    times.push(performance.now() - t0);
  }
  checker.dispose();
  return times;
}

function report(name: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`${name.padEnd(34)} calls ${String(times.length).padStart(4)}  mean ${mean.toFixed(3)} ms  p50 ${quantile(sorted, 0.5).toFixed(3)} ms  p95 ${quantile(sorted, 0.95).toFixed(3)} ms`);
}

if (source.length < BUFFER) throw new Error(`${file} is shorter than ${BUFFER} characters`);
console.log(`completeness check on ${file}, buffer growing to ${BUFFER} chars, ${CANDIDATE_CHARS}-char candidates`);
replay(() => syntax.completeness(), false, 0); // warm-up
report('incremental (one checker per lane)', replay(() => syntax.completeness(), false, BUFFER / 2));
report('fresh parse every call', replay(() => syntax.completeness(), true, BUFFER / 2));

const t0 = performance.now();
const { fragments } = syntax.segment(source);
const ms = performance.now() - t0;
console.log(`segment(): ${source.length} chars, ${fragments.length} fragments in ${ms.toFixed(1)} ms (${(source.length / 1024 / (ms / 1000)).toFixed(0)} KB/s)`);
