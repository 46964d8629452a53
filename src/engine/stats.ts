import type { StepEvent, StepPhases } from './decode.js';

/** The stages of a step, in loop order (StepPhases' keys). */
export const STEP_PHASES = ['forward', 'accept', 'commit', 'heads'] as const satisfies readonly (keyof StepPhases)[];

/** Each stage's value from `of`. */
export function perPhase(of: (phase: keyof StepPhases) => number): StepPhases {
  return Object.fromEntries(STEP_PHASES.map((k) => [k, of(k)])) as unknown as StepPhases;
}

/** The numbers users know, from a lane's step events (the page's header and the benchmark's table). */
export interface LaneStats {
  tokens: number;
  steps: number;
  /** Time of the first step (encoder not included): time to first token. */
  firstTokenMs: number;
  /** Time of every step after the first. */
  decodeMs: number;
  /** Tokens after the first, per second of the steps after the first. */
  decodeTokensPerSecond: number;
  /** Tokens committed per step, the first step (one token) left out. */
  meanAccepted: number;
  /** acceptance[d-1]: share of steps whose accepted path reached depth d (head d's guess was right). */
  headAcceptance: number[];
  /** Mean milliseconds per decode step in each stage, and in all (the profile). */
  msPerStep: StepPhases & { total: number };
  /** Share of decode steps whose unmasked forward a constraint overruled, so the decoder ran twice (constrained-step.ts). */
  rerunShare: number;
}

export class LaneStatsAccumulator {
  private tokens = 0;
  private steps = 0;
  private firstTokenMs = 0;
  private decodeMs = 0;
  private decodeTokens = 0;
  private reached: number[] = [];
  private reruns = 0;
  private phases: StepPhases = perPhase(() => 0);

  add(event: StepEvent): void {
    this.steps++;
    this.tokens += event.committed.length;
    if (event.step === 1) {
      this.firstTokenMs = event.stepMs;
      return;
    }
    this.decodeMs += event.stepMs;
    this.decodeTokens += event.committed.length;
    for (const k of STEP_PHASES) this.phases[k] += event.phases[k];
    if (event.masking === 'lazy-rerun') this.reruns++;
    // Accepted depth before any syntax cut: the deepest committed or cut node.
    let depth = 0;
    event.states.forEach((s, i) => {
      if (s === 'committed' || s === 'cut') depth = Math.max(depth, event.tree.depths[i]!);
    });
    const maxDepth = Math.max(0, ...event.tree.depths);
    while (this.reached.length < maxDepth) this.reached.push(0);
    for (let d = 1; d <= depth; d++) this.reached[d - 1]!++;
  }

  stats(): LaneStats {
    const decodeSteps = Math.max(1, this.steps - 1);
    return {
      tokens: this.tokens,
      steps: this.steps,
      firstTokenMs: this.firstTokenMs,
      decodeMs: this.decodeMs,
      decodeTokensPerSecond: this.decodeMs > 0 ? (this.decodeTokens / this.decodeMs) * 1000 : 0,
      meanAccepted: this.decodeTokens / decodeSteps,
      headAcceptance: this.reached.map((n) => n / decodeSteps),
      msPerStep: { ...perPhase((k) => this.phases[k] / decodeSteps), total: this.decodeMs / decodeSteps },
      rerunShare: this.reruns / decodeSteps,
    };
  }
}
