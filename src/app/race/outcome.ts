import type { StepEvent, Strategy } from '../../engine/decode.js';
import { LaneStatsAccumulator } from '../../engine/stats.js';

/** One lane of one race, from its step events: what it took on its own clock. */
export interface LaneResult {
  strategy: Strategy;
  tokens: number;
  steps: number;
  /** The sum of its own steps' measured times: what the lane would take alone. */
  wallMs: number;
  firstTokenMs: number;
  decodeTokensPerSecond: number;
  meanAccepted: number;
  /** Tokens committed by each step, for the chart. */
  acceptedPerStep: number[];
}

export function laneResult(strategy: Strategy, events: readonly StepEvent[]): LaneResult {
  const acc = new LaneStatsAccumulator();
  for (const e of events) acc.add(e);
  const s = acc.stats();
  return {
    strategy, tokens: s.tokens, steps: s.steps, wallMs: s.firstTokenMs + s.decodeMs, firstTokenMs: s.firstTokenMs,
    decodeTokensPerSecond: s.decodeTokensPerSecond, meanAccepted: s.meanAccepted, acceptedPerStep: events.map((e) => e.committed.length),
  };
}

/** The lane's time at the end of each step: when each step lands on the lane's own clock. */
export function laneClock(events: readonly StepEvent[]): number[] {
  let t = 0;
  return events.map((e) => (t += e.stepMs));
}

/** How many of a lane's steps have landed by `ms` on its own clock. */
export function stepsBy(clock: readonly number[], ms: number): number {
  let lo = 0;
  let hi = clock.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clock[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A lane over one or more runs of the same race: medians, so one noisy run does not decide. */
export interface LaneVerdict extends Omit<LaneResult, 'acceptedPerStep'> {
  place: number;
  /** Decode tokens/s over NTP's in the same runs (medians). */
  speedup: number | null;
  runs: number;
}

/**
 * The outcome of a race run `runs.length` times (each an array of lanes in
 * the same order): each lane's median wall time, time to first token,
 * tokens/s and accepted tokens per step; places by wall time; speedups over
 * the NTP lane.
 */
export function raceVerdict(runs: readonly (readonly LaneResult[])[]): LaneVerdict[] {
  if (runs.length === 0) return [];
  const lanes = runs[0]!.map((lane, i) => {
    const all = runs.map((r) => r[i]!);
    return {
      strategy: lane.strategy,
      tokens: median(all.map((r) => r.tokens)),
      steps: median(all.map((r) => r.steps)),
      wallMs: median(all.map((r) => r.wallMs)),
      firstTokenMs: median(all.map((r) => r.firstTokenMs)),
      decodeTokensPerSecond: median(all.map((r) => r.decodeTokensPerSecond)),
      meanAccepted: median(all.map((r) => r.meanAccepted)),
      runs: runs.length,
    };
  });
  const ntp = lanes.find((l) => l.strategy === 'ntp');
  const order = [...lanes].sort((a, b) => a.wallMs - b.wallMs);
  return lanes.map((l) => ({
    ...l,
    place: order.indexOf(l) + 1,
    speedup: ntp && ntp.decodeTokensPerSecond > 0 ? l.decodeTokensPerSecond / ntp.decodeTokensPerSecond : null,
  }));
}
