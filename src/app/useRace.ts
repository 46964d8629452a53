import { useCallback, useRef, useState } from 'react';
import type { StepEvent, Strategy } from '../engine/decode.js';
import type { LaneSpec } from '../engine/race.js';
import { WorkerRequestError, type WorkerClient } from '../worker/client.js';
import type { ModelInfo } from '../worker/protocol.js';
import { laneResult, type LaneResult } from './race/outcome.js';
import type { Settings } from './state/settings.js';

export const LANES: readonly { strategy: Strategy; title: string }[] = [
  { strategy: 'ntp', title: 'NTP' },
  { strategy: 'medusa', title: 'MEDUSA' },
  { strategy: 'syntax', title: 'Syntax-aware MEDUSA' },
];

export type LaneStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface LaneLive {
  status: LaneStatus;
  /** Every step of the current run: the code (their texts), the stats and the token tree's history. */
  events: readonly StepEvent[];
}

export interface RaceState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  /** 1-based run of `of` (best of N). */
  run: number;
  of: number;
  lanes: LaneLive[];
  /** Finished runs, each lane's result. */
  results: LaneResult[][];
  error?: string;
}

const idleLanes = (): LaneLive[] => LANES.map(() => ({ status: 'idle', events: [] }));
export const IDLE_RACE: RaceState = { status: 'idle', run: 0, of: 0, lanes: idleLanes(), results: [] };

/** What each lane runs: its strategy, head variant and candidate tree, from the settings and the model. */
export function laneSpecs(settings: Settings, model: ModelInfo): LaneSpec[] {
  return LANES.map(({ strategy }) => {
    if (strategy === 'ntp') return { strategy };
    const asked = strategy === 'syntax' ? settings.syntaxHeads : settings.medusaHeads;
    const variant = asked && model.variants.includes(asked) ? asked : undefined;
    const treeVariant = variant ?? (strategy === 'syntax' && model.variants.includes('syntax') ? 'syntax' : 'vanilla');
    const tree = settings.tree === 'calibrated' ? model.calibratedTrees[treeVariant] : undefined;
    return { strategy, headVariant: variant, tree: tree?.choices, growth: tree?.growth };
  });
}

/** Runs the race `settings.bestOf` times in the worker; the UI reads the live lanes and the finished runs. */
export function useRace(client: WorkerClient) {
  const [state, setState] = useState<RaceState>(IDLE_RACE);
  const current = useRef<{ id: number | null; stopped: boolean }>({ id: null, stopped: false });

  const start = useCallback(async (spec: string, settings: Settings, model: ModelInfo) => {
    const lanes = laneSpecs(settings, model);
    const of = settings.bestOf;
    current.current = { id: null, stopped: false };
    const results: LaneResult[][] = [];
    for (let run = 1; run <= of && !current.current.stopped; run++) {
      const events: StepEvent[][] = LANES.map(() => []);
      setState({ status: 'running', run, of, lanes: LANES.map(() => ({ status: 'running', events: [] })), results: [...results] });
      const handle = client.race(spec, lanes, {
        maxNewTokens: settings.maxTokens, lookup: { maxTokens: settings.lookup }, names: settings.names, grammar: settings.grammar, temperature: settings.temperature, epsilon: settings.epsilon, alpha: settings.alpha, seed: settings.seed,
      }, (lane, event) => {
        events[lane]!.push(event);
        setState((s) => ({
          ...s,
          // A copy: state is never mutated under React (the list is small, a few hundred steps).
          lanes: s.lanes.map((l, i) => (i === lane ? { status: event.done ? 'done' : 'running', events: [...events[lane]!] } : l)),
        }));
      });
      current.current.id = handle.id;
      try {
        await handle.done;
        results.push(LANES.map(({ strategy }, i) => laneResult(strategy, events[i]!)));
        setState((s) => ({ ...s, status: run === of ? 'done' : 'running', lanes: s.lanes.map((l) => ({ ...l, status: 'done' })), results: [...results] }));
      } catch (error) {
        const cancelled = error instanceof WorkerRequestError && error.code === 'cancelled';
        setState((s) => ({
          ...s,
          status: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? undefined : (error as Error).message,
          lanes: s.lanes.map((l) => (l.status === 'running' ? { ...l, status: cancelled ? 'cancelled' : 'failed' } : l)),
        }));
        return;
      } finally {
        current.current.id = null;
      }
    }
  }, [client]);

  const stop = useCallback(() => {
    current.current.stopped = true;
    if (current.current.id !== null) void client.cancel(current.current.id);
  }, [client]);

  return { state, start, stop };
}
