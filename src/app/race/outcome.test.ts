import { describe, expect, test } from 'vitest';
import type { StepEvent, Strategy } from '../../engine/decode.js';
import { laneClock, laneResult, raceVerdict, stepsBy } from './outcome.js';

/** Step events with the given committed counts and step times (only what the outcome reads). */
function events(strategy: Strategy, steps: [committed: number, ms: number][]): StepEvent[] {
  return steps.map(([n, ms], i) => ({
    strategy, step: i + 1, tree: { tokens: [1], parents: [-1], depths: [0], texts: ['x'], lookup: 0 }, states: ['root'],
    committed: Array(n).fill(7), text: 'x'.repeat(n), stepMs: ms, phases: { forward: ms, accept: 0, commit: 0, heads: 0 },
    tokens: 0, done: i === steps.length - 1,
  }));
}

describe('race outcome', () => {
  test('a lane is charged its own step times', () => {
    const ntp = laneResult('ntp', events('ntp', [[1, 5], [1, 2], [1, 2], [1, 2]]));
    expect(ntp).toMatchObject({ tokens: 4, steps: 4, wallMs: 11, firstTokenMs: 5, meanAccepted: 1, acceptedPerStep: [1, 1, 1, 1] });
    expect(ntp.decodeTokensPerSecond).toBeCloseTo(500);
    expect(laneClock(events('ntp', [[1, 5], [1, 2], [1, 2]]))).toEqual([5, 7, 9]);
  });

  test('steps land on the lane clock', () => {
    expect([0, 4.9, 5, 8, 100].map((t) => stepsBy([5, 7, 9], t))).toEqual([0, 0, 1, 2, 3]);
  });

  test('places by wall time, speedups over NTP, medians over runs', () => {
    const run = (medusaMs: number) => [
      laneResult('ntp', events('ntp', [[1, 3], [1, 2], [1, 2], [1, 2], [1, 2]])),
      laneResult('medusa', events('medusa', [[1, 3], [2, medusaMs], [2, medusaMs]])),
      laneResult('syntax', events('syntax', [[1, 3], [3, 4], [1, 3]])),
    ];
    const verdict = raceVerdict([run(2), run(3), run(100)]);
    expect(verdict.map((v) => [v.strategy, v.place, v.runs])).toEqual([['ntp', 3, 3], ['medusa', 1, 3], ['syntax', 2, 3]]);
    expect(verdict[1]!.wallMs).toBe(9); // the median run, not the outlier
    expect(verdict[0]!.speedup).toBe(1);
    expect(verdict[1]!.speedup).toBeCloseTo((4 / 6) * 1000 / 500);
    expect(raceVerdict([])).toEqual([]);
  });
});
