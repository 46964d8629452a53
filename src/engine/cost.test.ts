import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { folderSource } from '../model/node-files.js';
import { loadModel, type LoadedModel } from '../model/package.js';
import { measureCost, projectLane, specOfLength, type StepCost } from './cost.js';

const PACKAGE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;
let model: LoadedModel;

beforeAll(async () => {
  model = await loadModel(folderSource(PACKAGE), ort, { quantization: 'fp32' });
});
afterAll(() => model.sessions.release());

describe('specOfLength', () => {
  test('gives exactly the asked number of encoder ids, closed by </s>', () => {
    for (const n of [2, 7, 100]) {
      const ids = specOfLength(model, n);
      expect(ids).toHaveLength(n);
      expect(ids.at(-1)).toBe(model.manifest.special_tokens.eos);
      expect(ids.slice(0, -1)).not.toContain(model.manifest.special_tokens.eos);
    }
    expect(() => specOfLength(model, 1)).toThrow(RangeError);
  });
});

describe('measureCost', () => {
  test('times the encoder per spec length and a decode step per tree size, leaving the model usable', async () => {
    const report = await measureCost(model, { specTokens: [10, 40, 100_000], treeSizes: [1, 3], contextTokens: 4, repeats: 2, warmUp: 1, warmUpMs: 0 });
    // Longer than the model reads: skipped, not truncated.
    expect(report.encoder.map((e) => e.tokens)).toEqual([10, 40]);
    expect(report.steps.map((s) => s.nodes)).toEqual([1, 3]);
    for (const s of report.steps) {
      expect(s.stepMs).toBeGreaterThan(0);
      expect(s.totalMs).toBeCloseTo(s.stepMs + s.commitMs + s.headsMs, 9);
    }
    const ids = specOfLength(model, 12);
    const prompt = await model.sessions.prompt(ids);
    prompt.dispose();
  });

  test('refuses a tree the heads cannot grow and options that make no sense', async () => {
    await expect(measureCost(model, { specTokens: [], treeSizes: [0], repeats: 1 })).rejects.toThrow(/at least one node/);
    await expect(measureCost(model, { specTokens: [], treeSizes: [1], repeats: 0 })).rejects.toThrow(/repeats/);
    await expect(measureCost(model, { specTokens: [], treeSizes: [1], variant: 'nope' })).rejects.toThrow(/no head variant 'nope'/);
    await expect(measureCost(model, { specTokens: [], treeSizes: [100_000], repeats: 1, contextTokens: 0, warmUpMs: 0 })).rejects.toThrow(/grow trees of at most/);
  });
});

describe('projectLane', () => {
  const steps: StepCost[] = [
    { nodes: 1, stepMs: 4, commitMs: 1, headsMs: 1, totalMs: 6 },
    { nodes: 4, stepMs: 6, commitMs: 1, headsMs: 1, totalMs: 8 },
    { nodes: 12, stepMs: 9, commitMs: 1, headsMs: 1, totalMs: 11 },
  ];

  test('next-token decoding is one token per one-node step without heads; a lane, its tokens per step over its whole step', () => {
    const p = projectLane(steps, [{ nodes: 1, tokensPerStep: 1.2 }, { nodes: 4, tokensPerStep: 2.4 }, { nodes: 24, tokensPerStep: 3 }]);
    expect(p.ntpTokensPerSecond).toBeCloseTo(200, 9);
    // 12 nodes has no measured tokens per step, 24 no measured cost: neither is projected.
    expect(p.trees.map((t) => t.nodes)).toEqual([1, 4]);
    expect(p.trees[1]!.tokensPerSecond).toBeCloseTo(300, 9);
    expect(p.trees[1]!.speedup).toBeCloseTo(1.5, 9);
    expect(p.trees[0]!.speedup).toBeCloseTo(1.2 * 5 / 6, 9);
  });

  test("each side's JS work per step is added to its graphs", () => {
    const p = projectLane(steps, [{ nodes: 4, tokensPerStep: 2.4 }], { ntpMs: 1, laneMs: 2 });
    expect(p.ntpTokensPerSecond).toBeCloseTo(1000 / 6, 9);
    expect(p.trees[0]!.msPerStep).toBe(10);
    expect(p.trees[0]!.speedup).toBeCloseTo((2.4 * 100) / (1000 / 6), 9);
  });

  test('needs the one-node step it compares with', () => {
    expect(() => projectLane(steps.slice(1), [])).toThrow(/one-node step/);
  });
});
