import { measureCost, projectLane, type StepOverhead } from '../engine/cost.js';
import { STRATEGIES, type Strategy } from '../engine/decode.js';
import type { LaneTree } from '../engine/tree.js';
import type { LoadedModel } from '../model/package.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { calibrationSpecs, runLane } from './bench.js';

export interface LaneCheck {
  lane: string;
  nodes: number;
  tokensPerStep: number;
  overhead: StepOverhead;
  measured: number;
  /** Graphs only. */
  projectedGraphs: number;
  /** Graphs and the JS work per step these runs measured. */
  projected: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The projection's check on a trained package: NTP and each speculative lane
 * decode `count` validation specs for real (calibrated trees, default
 * lookup); the speedup they measure (decode tokens/s over NTP's) against the
 * one projected from the package's step costs and the tokens per step of
 * those same runs, with and without the JS work a step adds (acceptance, the
 * syntax cut), which these runs also measure.
 */
export async function checkProjection(model: LoadedModel, trees: Map<Strategy, LaneTree | undefined>, count: number): Promise<LaneCheck[]> {
  const nodesOf = (lane: Strategy) => (trees.get(lane)?.choices.length ?? 0) + 1;
  const report = await measureCost(model, { specTokens: [], treeSizes: [...new Set([1, ...STRATEGIES.map(nodesOf)])].sort((a, b) => a - b) });
  const syntax = await loadSyntaxNode();
  const runs = new Map<Strategy, { rate: number[]; accepted: number[]; jsMs: number[] }>();
  for (const spec of calibrationSpecs(count)) {
    for (const strategy of STRATEGIES) {
      const { stats } = await runLane(model, syntax, spec, strategy, 256, trees.get(strategy), undefined);
      const r = runs.get(strategy) ?? { rate: [], accepted: [], jsMs: [] };
      const m = stats.msPerStep;
      r.rate.push(stats.decodeTokensPerSecond);
      r.accepted.push(stats.meanAccepted);
      r.jsMs.push(m.total - m.forward - m.commit - m.heads);
      runs.set(strategy, r);
    }
  }
  const ntp = runs.get('ntp')!;
  return STRATEGIES.filter((s) => s !== 'ntp').map((lane) => {
    const r = runs.get(lane)!;
    const point = [{ nodes: nodesOf(lane), tokensPerStep: mean(r.accepted) }];
    const overhead = { ntpMs: mean(ntp.jsMs), laneMs: mean(r.jsMs) };
    return {
      lane, nodes: nodesOf(lane), tokensPerStep: mean(r.accepted), overhead,
      measured: mean(r.rate) / mean(ntp.rate),
      projectedGraphs: projectLane(report.steps, point).trees[0]!.speedup,
      projected: projectLane(report.steps, point, overhead).trees[0]!.speedup,
    };
  });
}
