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
  /** The code the lane wrote. */
  text: string;
}

export function laneResult(strategy: Strategy, events: readonly StepEvent[]): LaneResult {
  const acc = new LaneStatsAccumulator();
  for (const e of events) acc.add(e);
  const s = acc.stats();
  return {
    strategy, tokens: s.tokens, steps: s.steps, wallMs: s.firstTokenMs + s.decodeMs, firstTokenMs: s.firstTokenMs,
    decodeTokensPerSecond: s.decodeTokensPerSecond, meanAccepted: s.meanAccepted, acceptedPerStep: events.map((e) => e.committed.length),
    text: events.map((e) => e.text).join(''),
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
export interface LaneVerdict extends Omit<LaneResult, 'acceptedPerStep' | 'text'> {
  place: number;
  /** Tokens a second over the lane's whole time (first token included): the one measure places and speedups use. */
  tokensPerSecond: number;
  /** The lowest and highest of that over the runs. */
  spread: [number, number];
  /** That over NTP's (medians); null without an NTP lane. */
  speedup: number | null;
  /** Its spread overlaps the spread of the lane placed just ahead: the order between them is not settled. */
  withinNoise: boolean;
  runs: number;
}

/** Whether every lane wrote the same code in every run (greedy: the speculative lanes only change the speed). */
export function sameCode(runs: readonly (readonly LaneResult[])[]): boolean {
  return runs.length > 0 && runs.every((r) => r.every((lane) => lane.text === r[0]!.text));
}

const rateOf = (r: LaneResult) => (r.wallMs > 0 ? (r.tokens / r.wallMs) * 1000 : 0);

/**
 * The outcome of a race run `runs.length` times (each an array of lanes in
 * the same order): each lane's medians; places and speedups by one measure,
 * tokens a second over the lane's own whole time (the same code in less
 * time, or more code in the same time, both rank higher), with the spread
 * over the runs and whether it overlaps the lane placed ahead.
 */
export function raceVerdict(runs: readonly (readonly LaneResult[])[]): LaneVerdict[] {
  if (runs.length === 0) return [];
  const lanes = runs[0]!.map((lane, i) => {
    const all = runs.map((r) => r[i]!);
    const rates = all.map(rateOf);
    return {
      strategy: lane.strategy,
      tokens: median(all.map((r) => r.tokens)),
      steps: median(all.map((r) => r.steps)),
      wallMs: median(all.map((r) => r.wallMs)),
      firstTokenMs: median(all.map((r) => r.firstTokenMs)),
      decodeTokensPerSecond: median(all.map((r) => r.decodeTokensPerSecond)),
      meanAccepted: median(all.map((r) => r.meanAccepted)),
      tokensPerSecond: median(rates),
      spread: [Math.min(...rates), Math.max(...rates)] as [number, number],
      runs: runs.length,
    };
  });
  const ntp = lanes.find((l) => l.strategy === 'ntp');
  const order = [...lanes].sort((a, b) => b.tokensPerSecond - a.tokensPerSecond);
  return lanes.map((l) => {
    const place = order.indexOf(l) + 1;
    const ahead = order[place - 2];
    return {
      ...l,
      place,
      speedup: ntp && ntp.tokensPerSecond > 0 ? l.tokensPerSecond / ntp.tokensPerSecond : null,
      withinNoise: ahead !== undefined && runs.length > 1 && l.spread[1] >= ahead.spread[0],
    };
  });
}
