import { describe, expect, test } from 'vitest';
import type { PromptState, StepInputs, StepOutputs } from '../model/prompt-state.js';
import { accept } from './acceptance.js';
import { constrainedStep } from './constrained-step.js';
import { DecodeConstraint } from './constraint.js';
import { buildTree } from './tree.js';

const VOCAB = 4;
// Root (node 0) with two children (nodes 1 and 2, the heads' rank 0 and 1) and node 3 under node 1.
const tree = buildTree([[0], [1], [0, 0]]);
const tokens = [0, 2, 1, 3];
// Each node's logits: the root's best token is 1, its second best 2.
const LOGITS = [[0, 5, 4, 0], [0, 1, 2, 6], [3, 0, 0, 0], [4, 0, 0, 1]];

/** Rows fixed per node; records which nodes it built rows for. */
class FixedRows extends DecodeConstraint {
  built: number[] = [];
  constructor(private readonly allowed: (number[] | null)[]) {
    super(['a', 'b', 'c', 'd'], null, null);
  }
  protected override rows(_text: string, tokens: readonly number[], _parents: ArrayLike<number>, wanted: (node: number) => boolean): (Float32Array | null)[] {
    return this.allowed.slice(0, tokens.length).map((ids, node) => {
      if (!wanted(node) || !ids) return null;
      this.built.push(node);
      return Float32Array.from({ length: VOCAB }, (_, id) => (ids.includes(id) ? 0 : -Infinity));
    });
  }
}

/** A decoder step from the table above: argmax and ranking of logits + bias; counts its runs. */
function fakePrompt(ranks: number | null): { prompt: PromptState; runs: (Float32Array | undefined)[] } {
  const runs: (Float32Array | undefined)[] = [];
  const step = async (inputs: StepInputs): Promise<StepOutputs> => {
    runs.push(inputs.logitBias);
    const biased = LOGITS.map((row, node) => row.map((l, id) => l + (inputs.logitBias?.[node * VOCAB + id] ?? 0)));
    const order = biased.map((row) => row.map((_, id) => id).sort((a, b) => row[b]! - row[a]! || a - b));
    const n = LOGITS.length;
    return {
      argmax: Int32Array.from(order, (o) => o[0]!), entropy: new Float32Array(n), parentLogprob: new Float32Array(n), sample: new Int32Array(n), hidden: new Float32Array(n),
      ...(ranks ? { ranked: { ids: Int32Array.from(order.flatMap((o) => o.slice(0, ranks))), k: ranks } } : {}),
    };
  };
  return { prompt: { step } as unknown as PromptState, runs };
}

const inputs = { tokens, depths: tree.depths, parents: tree.parents, treeBias: tree.ancestorBias, temperature: 1e-5, uniforms: new Float32Array(4) };
const pathOf = (out: StepOutputs) => accept(tree, { tokens, argmax: out.argmax, entropy: out.entropy, parentLogprob: out.parentLogprob }, { kind: 'greedy' }).path;

describe('constrainedStep', () => {
  // The root may not write token 1: masked, its argmax is 2, which accepts node 1, whose argmax 3 accepts node 3.
  const rootRuledOut = (): (number[] | null)[] => [[0, 2, 3], [0, 1, 2, 3], null, [0, 1, 2, 3]];

  test('eager masking (what every other way must equal) takes the masked path', async () => {
    const { prompt, runs } = fakePrompt(4);
    const { out, masking } = await constrainedStep(prompt, inputs, tree, new FixedRows(rootRuledOut()), '', false);
    expect(masking).toBe('eager');
    expect(runs.length).toBe(1);
    expect(runs[0]).toBeDefined();
    expect(pathOf(out)).toEqual([0, 1, 3]);
    expect(out.argmax[0]).toBe(2);
  });

  test('with ranked tokens, a ruled-out argmax is replaced by the best allowed one, in one run, building rows only where acceptance reaches', async () => {
    const { prompt, runs } = fakePrompt(4);
    const constraint = new FixedRows(rootRuledOut());
    const { out, masking } = await constrainedStep(prompt, inputs, tree, constraint, '', true);
    expect(masking).toBe('lazy-ranked');
    expect(runs).toEqual([undefined]);
    expect(pathOf(out)).toEqual([0, 1, 3]);
    expect([out.argmax[0], out.argmax[1], out.argmax[3]]).toEqual([2, 3, 0]);
    // Node 2 (token 1 under the root) is never reached once the root's argmax is masked.
    expect(constraint.built.sort()).toEqual([0, 1, 3]);
  });

  test('without ranked tokens, or when none of them is allowed, the step runs again masked', async () => {
    for (const [ranks, allowed] of [[null, rootRuledOut()], [2, [[3], null, null, null]]] as const) {
      const { prompt, runs } = fakePrompt(ranks);
      const { out, masking } = await constrainedStep(prompt, inputs, tree, new FixedRows(allowed as (number[] | null)[]), '', true);
      expect(masking).toBe('lazy-rerun');
      expect(runs.length).toBe(2);
      expect(runs[1]).toBeDefined();
      const eager = await constrainedStep(fakePrompt(ranks).prompt, inputs, tree, new FixedRows(allowed as (number[] | null)[]), '', false);
      expect(pathOf(out)).toEqual(pathOf(eager.out));
      expect(out.argmax).toEqual(eager.out.argmax);
    }
  });

  test('where every reached argmax is allowed the unmasked step stands; one node and no constraint mask first', async () => {
    const free = fakePrompt(4);
    const lazy = await constrainedStep(free.prompt, inputs, tree, new FixedRows([[1], null, [0], null]), '', true);
    expect(lazy.masking).toBe('lazy');
    expect(free.runs).toEqual([undefined]);
    expect(pathOf(lazy.out)).toEqual([0, 2]);
    const root = buildTree([]);
    const one = fakePrompt(4);
    expect((await constrainedStep(one.prompt, { ...inputs, tokens: [0], depths: root.depths, parents: root.parents, treeBias: root.ancestorBias }, root, new FixedRows(rootRuledOut()), '', true)).masking).toBe('eager');
    expect(one.runs[0]).toBeDefined();
    expect((await constrainedStep(fakePrompt(4).prompt, inputs, tree, null, '', true)).masking).toBe('eager');
  });

  test('an allowed argmax stands even where the ranking puts a tied token first; else the first allowed ranked token, or -1', () => {
    const constraint = new FixedRows([[1, 2], [0], [3], null]);
    // Node 0's argmax 2 ties with 1, ranked first; node 1's argmax 3 is ruled out; node 2 allows none of its ranked; node 3 is free.
    const masked = constraint.maskedArgmax('', tokens, tree.parents, new Set([0, 1, 2, 3]), [2, 3, 1, 2], [1, 2, 3, 0, 1, 0, 0, 1], 2);
    expect([0, 1, 2, 3].map((node) => masked.get(node))).toEqual([2, 0, -1, 2]);
  });
});
