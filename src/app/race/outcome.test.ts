import { describe, expect, test } from 'vitest';
import type { StepEvent, Strategy } from '../../engine/decode.js';
import { laneClock, laneResult, raceVerdict, sameCode, stepsBy } from './outcome.js';

/** Step events with the given committed counts and step times (only what the outcome reads). */
function events(strategy: Strategy, steps: [committed: number, ms: number][]): StepEvent[] {
  return steps.map(([n, ms], i) => ({
    strategy, step: i + 1, tree: { tokens: [1], parents: [-1], depths: [0], texts: ['x'], lookup: 0 }, states: ['root'],
    committed: Array(n).fill(7), text: 'x'.repeat(n), stepMs: ms, phases: { forward: ms, accept: 0, commit: 0, heads: 0 }, masking: 'eager',
    tokens: 0, done: i === steps.length - 1,
  }));
}

describe('race outcome', () => {
  test('a lane is charged its own step times', () => {
    const ntp = laneResult('ntp', events('ntp', [[1, 5], [1, 2], [1, 2], [1, 2]]));
    expect(ntp).toMatchObject({ tokens: 4, steps: 4, wallMs: 11, firstTokenMs: 5, meanAccepted: 1, acceptedPerStep: [1, 1, 1, 1], text: 'xxxx' });
    expect(ntp.decodeTokensPerSecond).toBeCloseTo(500);
    expect(laneClock(events('ntp', [[1, 5], [1, 2], [1, 2]]))).toEqual([5, 7, 9]);
  });

  test('steps land on the lane clock', () => {
    expect([0, 4.9, 5, 8, 100].map((t) => stepsBy([5, 7, 9], t))).toEqual([0, 0, 1, 2, 3]);
  });

  test('places and speedups by one measure (tokens a second over the whole time), medians over runs, spreads', () => {
    const run = (medusaMs: number) => [
      laneResult('ntp', events('ntp', [[1, 3], [1, 2], [1, 2], [1, 2], [1, 2]])),
      laneResult('medusa', events('medusa', [[1, 3], [2, medusaMs], [2, medusaMs]])),
      laneResult('syntax', events('syntax', [[1, 3], [3, 4], [1, 3]])),
    ];
    const verdict = raceVerdict([run(2), run(3), run(100)]);
    expect(verdict.map((v) => [v.strategy, v.place, v.runs])).toEqual([['ntp', 3, 3], ['medusa', 1, 3], ['syntax', 2, 3]]);
    expect(verdict[1]!.wallMs).toBe(9); // the median run, not the outlier
    expect(verdict[0]!.speedup).toBe(1);
    // 5 tokens in 9 ms against 5 in 11: the same measure orders the places and makes the speedup.
    expect(verdict[1]!.speedup).toBeCloseTo(11 / 9);
    expect(verdict[1]!.spread[0]).toBeCloseTo(5000 / 203);
    expect(verdict[1]!.spread[1]).toBeCloseTo(5000 / 7);
    // The outlier run makes MEDUSA's spread reach below the syntax lane: second place is not settled; third is.
    expect(verdict.map((v) => [v.strategy, v.withinNoise])).toEqual([['ntp', false], ['medusa', false], ['syntax', true]]);
    expect(raceVerdict([])).toEqual([]);
  });

  test('one run settles nothing; the same code in every lane is said so', () => {
    const a = [laneResult('ntp', events('ntp', [[1, 3], [1, 2]])), laneResult('medusa', events('medusa', [[2, 3]]))];
    expect(raceVerdict([a]).every((v) => !v.withinNoise)).toBe(true);
    expect(sameCode([a, a])).toBe(true);
    const b = [a[0]!, laneResult('medusa', events('medusa', [[3, 3]]))];
    expect(sameCode([a, b])).toBe(false);
    expect(sameCode([])).toBe(false);
  });
});
