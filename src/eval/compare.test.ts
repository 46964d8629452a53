import { expect, test } from 'vitest';
import { compareReports, formatComparison, signTestTail, verdictOf, type ComparableReport } from './compare.js';

const ok = (pass: boolean) => ({ ok: pass, message: pass ? 'ok' : 'no' });

/** A report whose task i passes syntax when `syntax[i]` is 1, and function never; task 0 loops when `loops`. */
function report(source: string, syntax: number[], loops = false): ComparableReport {
  return {
    options: { source },
    tasks: syntax.map((s, i) => ({
      id: `t${i}`,
      generations: [
        { strategy: 'syntax', seed: null, stop: loops && i === 0 ? 'max-tokens' : 'eos', verdicts: { syntax: ok(s === 1), interface: ok(s === 1), function: ok(false), synth: null } },
        // Another lane and a sample: never counted for the syntax lane's greedy output.
        { strategy: 'ntp', seed: null, stop: 'eos', verdicts: { syntax: ok(true), interface: ok(true), function: ok(true), synth: null } },
        { strategy: 'syntax', seed: 7, stop: 'eos', verdicts: { syntax: ok(true), interface: ok(true), function: ok(true), synth: null } },
      ],
    })),
  };
}

test('the sign test tail is the binomial tail, also past where 2^-n underflows', () => {
  expect(signTestTail(0, 5)).toBe(1);
  expect(signTestTail(5, 5)).toBeCloseTo(1 / 32, 12);
  expect(signTestTail(4, 5)).toBeCloseTo(6 / 32, 12);
  expect(signTestTail(3, 6)).toBeCloseTo(42 / 64, 12);
  expect(signTestTail(600, 1200)).toBeCloseTo(0.5 + 0.5 * 0.0230, 3); // P(X = n/2) ~ 1/sqrt(pi n / 2)
  expect(signTestTail(700, 1200)).toBeLessThan(1e-8);
});

test('tasks are paired by id: losses and gains per check, and which side a loop counts against', () => {
  const base = report('eval/user', [1, 1, 1, 1, 1, 1, 0, 0]);
  const cand = report('eval/user', [0, 0, 0, 0, 0, 1, 1, 0], true);
  const { counts, unmatched } = compareReports([base], [cand], 'syntax');
  expect(unmatched).toBe(0);
  const syntax = counts.find((c) => c.column === 'syntax')!;
  expect(syntax).toMatchObject({ tasks: 8, baseline: 6, candidate: 2, lost: 5, gained: 1 });
  expect(syntax.pWorse).toBeCloseTo(7 / 64, 12);
  expect(counts.find((c) => c.column === 'ends')).toMatchObject({ baseline: 8, candidate: 7, lost: 1, gained: 0 });
  // Synthesis was not run on either side: no task is judged.
  expect(counts.find((c) => c.column === 'synth')!.tasks).toBe(0);
  expect(verdictOf(counts, 0.05).regressed).toEqual([]);
  expect(verdictOf(counts, 0.2)).toEqual({ regressed: ['syntax', 'interface'], improved: [] });
  expect(formatComparison(counts, 0.2)).toMatch(/\| syntax \| 8 \| 6 \| 2 \| 5 \| 1 \| 0\.109 \| 0\.984 \|[\s\S]*regression: significantly worse on syntax, interface/);
});

test('pooled sets keep tasks of the same id apart, and tasks on one side only are left out', () => {
  const base = [report('eval/user', [0, 0, 0, 0, 0]), report('eval/user2', [0, 0, 0, 0, 0, 0])];
  const cand = [report('eval/user', [1, 1, 1, 1, 1]), report('eval/user2', [1, 1, 1, 1, 1])];
  const { counts, unmatched } = compareReports(base, cand, 'syntax');
  expect(unmatched).toBe(1);
  expect(counts.find((c) => c.column === 'syntax')).toMatchObject({ tasks: 10, lost: 0, gained: 10 });
  expect(verdictOf(counts, 0.05)).toEqual({ regressed: [], improved: ['syntax', 'interface'] });
  expect(formatComparison(counts, 0.05)).toContain('better: significantly on syntax, interface, worse on none');
});
