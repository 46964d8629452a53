import type { LoadedModel } from '../model/package.js';
import type { CompletenessChecker } from '../syntax/complete.js';
import { decode, type DecodeOptions, type DecodeResult, type StepEvent, type Strategy } from './decode.js';
import type { TreeChoices, TreeGrowth } from './tree.js';

/** One lane of a race: a strategy, and optionally its own tree (and its growth) and head variant. */
export interface LaneSpec {
  strategy: Strategy;
  tree?: TreeChoices;
  growth?: TreeGrowth;
  headVariant?: string;
}

/** What every lane shares: the sampling settings and the cancel signal. */
export type RaceSettings = Pick<DecodeOptions, 'maxNewTokens' | 'temperature' | 'epsilon' | 'alpha' | 'seed' | 'lookup' | 'names' | 'grammar' | 'signal'>;

export interface RaceEvent {
  lane: number;
  event: StepEvent;
}

/**
 * Runs several lanes on one spec and one model. A device runs one step at a
 * time, so the lanes' steps interleave round-robin and each lane is charged
 * only its own measured step times (`StepEvent.stepMs`): what a lane reports
 * is what it would take alone. Every lane gets its own seeded sampler and, for
 * the syntax lane, its own completeness checker.
 */
export async function* race(
  model: LoadedModel, spec: string, lanes: readonly LaneSpec[], settings: RaceSettings,
  newChecker: () => CompletenessChecker,
): AsyncGenerator<RaceEvent, DecodeResult[]> {
  const checkers: CompletenessChecker[] = [];
  const runs = lanes.map((lane) => {
    const completeness = lane.strategy === 'syntax' ? newChecker() : undefined;
    if (completeness) checkers.push(completeness);
    return decode(model, spec, { ...settings, ...lane, completeness });
  });
  const results: (DecodeResult | undefined)[] = lanes.map(() => undefined);
  try {
    while (results.some((r) => r === undefined)) {
      for (const [lane, run] of runs.entries()) {
        if (results[lane]) continue;
        const next = await run.next();
        if (next.done) results[lane] = next.value;
        else yield { lane, event: next.value };
      }
    }
    return results as DecodeResult[];
  } finally {
    // Lanes left unfinished (cancelled, or a failure in another lane) free their device buffers.
    await Promise.allSettled(runs.map((run, i) => (results[i] ? undefined : run.return(undefined as never))));
    for (const c of checkers) c.dispose();
  }
}
