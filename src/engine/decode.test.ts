import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, test } from 'vitest';
import { VeriSpecError } from '../model/errors.js';
import { folderSource } from '../model/node-files.js';
import { loadModel, type LoadedModel } from '../model/package.js';
import { loadSyntaxNode } from '../syntax/node.js';
import type { VerilogSyntax } from '../syntax/index.js';
import { decode, type DecodeOptions, type DecodeResult, type StepEvent } from './decode.js';
import { race, type RaceEvent } from './race.js';

const PACKAGE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${PACKAGE}expected-greedy.json`, 'utf8')) as {
  max_new_tokens: number;
  cases: { id: string; spec: string; input_ids: number[]; output_ids: number[] }[];
};

let model: LoadedModel;
let syntax: VerilogSyntax;
beforeAll(async () => {
  model = await loadModel(folderSource(PACKAGE), ort, { quantization: 'fp32' });
  syntax = await loadSyntaxNode();
});

async function run(spec: string, options: Partial<DecodeOptions> & Pick<DecodeOptions, 'strategy'>): Promise<{ result: DecodeResult; events: StepEvent[] }> {
  const completeness = options.strategy === 'syntax' ? syntax.completeness() : undefined;
  const it = decode(model, spec, { maxNewTokens: expected.max_new_tokens, completeness, ...options });
  const events: StepEvent[] = [];
  for (;;) {
    const next = await it.next();
    if (next.done) {
      completeness?.dispose();
      return { result: next.value, events };
    }
    events.push(next.value);
  }
}

describe('decoding the fixture package', () => {
  test('the tokenizer gives the ids the Python side gave', () => {
    for (const c of expected.cases) expect(model.tokenizer.encodeSpec(c.spec), c.id).toEqual(c.input_ids);
  });

  test('with looked-up candidates the speculative lanes still give PyTorch greedy, and the lookup branch is verified', async () => {
    let lookupNodes = 0;
    let committedFromLookup = 0;
    for (const c of expected.cases.slice(0, 8)) {
      for (const strategy of ['medusa', 'syntax'] as const) {
        const lane = await run(c.spec, { strategy, lookup: { maxTokens: 6, minNgram: 1 } });
        expect(lane.result.ids, `${c.id} ${strategy}`).toEqual(c.output_ids);
        for (const e of lane.events) {
          const heads = e.tree.tokens.length - e.tree.lookup;
          // The looked-up branch is a chain from the root, after the heads' nodes.
          for (let i = heads; i < e.tree.tokens.length; i++) expect(e.tree.parents[i]).toBe(i === heads ? 0 : i - 1);
          lookupNodes += e.tree.lookup;
          committedFromLookup += e.states.filter((st, i) => st === 'committed' && i >= heads).length;
        }
      }
    }
    expect(lookupNodes).toBeGreaterThan(0);
    expect(committedFromLookup).toBeGreaterThan(0);
  });

  test('greedy NTP equals PyTorch generate(), and MEDUSA and syntax-aware MEDUSA equal NTP, on every prompt', async () => {
    expect(expected.cases.length).toBeGreaterThanOrEqual(20);
    let medusaSteps = 0;
    let ntpSteps = 0;
    for (const c of expected.cases) {
      const ntp = await run(c.spec, { strategy: 'ntp' });
      expect(ntp.result.ids, `${c.id} ntp`).toEqual(c.output_ids);
      ntpSteps += ntp.result.steps;
      for (const strategy of ['medusa', 'syntax'] as const) {
        const lane = await run(c.spec, { strategy });
        expect(lane.result.ids, `${c.id} ${strategy}`).toEqual(c.output_ids);
        expect(lane.events.map((e) => e.text).join(''), `${c.id} ${strategy} text`).toBe(ntp.result.text);
        if (strategy === 'medusa') medusaSteps += lane.result.steps;
      }
    }
    // The heads were trained: the tree must save some steps over one token a step.
    expect(medusaSteps).toBeLessThan(ntpSteps);
  });

  test('dynamic trees (grown each step from the heads) keep PyTorch greedy, change shape between steps and keep their size', async () => {
    const shapes = new Set<string>();
    for (const c of expected.cases.slice(0, 8)) {
      for (const strategy of ['medusa', 'syntax'] as const) {
        const lane = await run(c.spec, { strategy, tree: [[0], [1], [0, 0], [0, 0, 0]], growth: 'dynamic', lookup: { maxTokens: 0 } });
        expect(lane.result.ids, `${c.id} ${strategy}`).toEqual(c.output_ids);
        // The first step reads the start token alone; every later step verifies the root and four head nodes.
        for (const e of lane.events.slice(1)) {
          expect(e.tree.tokens.length).toBe(5);
          shapes.add(e.tree.parents.join(','));
        }
      }
    }
    expect(shapes.size).toBeGreaterThan(1);
    await expect(run('x', { strategy: 'medusa', growth: 'sideways' as never })).rejects.toThrow(/tree growth/);
  });

  test('a KV cache that grows a few slots at a time, with outputs written into reused buffers, gives the same tokens', async () => {
    const small = await loadModel(folderSource(PACKAGE), ort, { quantization: 'fp32', kvPage: 5, reuseOutputs: true });
    try {
      for (const c of expected.cases.slice(0, 4)) {
        for (const strategy of ['ntp', 'medusa', 'syntax'] as const) {
          const completeness = strategy === 'syntax' ? syntax.completeness() : undefined;
          const it = decode(small, c.spec, { strategy, maxNewTokens: expected.max_new_tokens, completeness });
          let next = await it.next();
          while (!next.done) next = await it.next();
          completeness?.dispose();
          expect(next.value.ids, `${c.id} ${strategy}`).toEqual(c.output_ids);
        }
      }
    } finally {
      await small.sessions.release();
    }
  });

  test('a package whose step takes no logit bias decodes with the model\'s own names, and says so', async () => {
    const c = expected.cases[0]!;
    const lane = await run(c.spec, { strategy: 'ntp' });
    expect(lane.result.names).toBe('free');
    expect(lane.result.ids).toEqual(c.output_ids);
  });

  test('a one-node tree (what calibration may pick) decodes as NTP and runs no heads', async () => {
    const c = expected.cases[0]!;
    const lane = await run(c.spec, { strategy: 'medusa', tree: [], lookup: { maxTokens: 0 } });
    expect(lane.result.ids).toEqual(c.output_ids);
    expect(lane.events.every((e) => e.tree.tokens.length === 1 && e.phases.heads === 0)).toBe(true);
    // With lookup the tree is the root and the looked-up branch: still no heads.
    const looked = await run(c.spec, { strategy: 'medusa', tree: [] });
    expect(looked.result.ids).toEqual(c.output_ids);
    expect(looked.events.every((e) => e.tree.tokens.length === 1 + e.tree.lookup && e.phases.heads === 0)).toBe(true);
  });

  test('events describe the tree: states per node, committed tokens, totals', async () => {
    const { events, result } = await run(expected.cases[0]!.spec, { strategy: 'syntax' });
    expect(events.length).toBe(result.steps);
    for (const e of events) {
      expect(e.states[0]).toBe('root');
      expect(e.tree.tokens.length).toBe(e.states.length);
      expect(e.committed.length).toBeGreaterThanOrEqual(e.done ? 0 : 1);
      expect(e.stepMs).toBeGreaterThan(0);
      const { forward, accept, commit, heads } = e.phases;
      expect(forward).toBeGreaterThan(0);
      expect(forward + accept + commit + heads).toBeLessThanOrEqual(e.stepMs);
    }
    expect(events.at(-1)!.tokens).toBe(result.ids.length);
    expect(events.slice(1).some((e) => e.states.includes('rejected'))).toBe(true);
  });

  test('sampling is reproducible from the seed', async () => {
    const spec = expected.cases[1]!.spec;
    const a = await run(spec, { strategy: 'medusa', temperature: 0.8, seed: 42 });
    const b = await run(spec, { strategy: 'medusa', temperature: 0.8, seed: 42 });
    const c = await run(spec, { strategy: 'medusa', temperature: 0.8, seed: 43 });
    expect(a.result.ids).toEqual(b.result.ids);
    expect(c.result.ids).not.toEqual(a.result.ids);
  });

  test('cancellation, a too-long prompt and a bad tree are clear errors', async () => {
    const controller = new AbortController();
    const it = decode(model, expected.cases[0]!.spec, { strategy: 'ntp', maxNewTokens: 50, signal: controller.signal });
    await it.next();
    controller.abort();
    await expect(it.next()).rejects.toMatchObject({ code: 'cancelled' });
    await expect(run('wire '.repeat(2000), { strategy: 'ntp' })).rejects.toMatchObject({ code: 'prompt-too-long' });
    await expect(run('x', { strategy: 'medusa', tree: [[0, 0]] })).rejects.toThrow(VeriSpecError);
    await expect(run('x', { strategy: 'medusa', tree: [[0], [0, 0], [0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0, 0]] })).rejects.toThrow(/5 deep/);
  });

  test('a race interleaves the lanes step by step and gives each lane its own result', async () => {
    const c = expected.cases[2]!;
    const lanes = [{ strategy: 'ntp' as const }, { strategy: 'medusa' as const }, { strategy: 'syntax' as const }];
    const it = race(model, c.spec, lanes, { maxNewTokens: expected.max_new_tokens }, () => syntax.completeness());
    const events: RaceEvent[] = [];
    let next = await it.next();
    for (; !next.done; next = await it.next()) events.push(next.value);
    expect(next.value.map((r) => r.ids)).toEqual([c.output_ids, c.output_ids, c.output_ids]);
    // Round-robin: the first three events are each lane's first step.
    expect(events.slice(0, 3).map((e) => [e.lane, e.event.step])).toEqual([[0, 1], [1, 1], [2, 1]]);
    for (const [lane, result] of next.value.entries()) expect(events.filter((e) => e.lane === lane).length).toBe(result.steps);
  });

  test('a cancelled race stops every lane', async () => {
    const controller = new AbortController();
    const it = race(model, expected.cases[0]!.spec, [{ strategy: 'ntp' }, { strategy: 'syntax' }], { maxNewTokens: 50, signal: controller.signal }, () => syntax.completeness());
    await it.next();
    controller.abort();
    await expect(it.next()).rejects.toMatchObject({ code: 'cancelled' });
  });
});
