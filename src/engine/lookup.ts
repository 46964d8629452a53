import { draftFromStore, type Datastore } from './datastore.js';
import type { TreeBuffers } from './tree.js';

/**
 * Candidates from outside the heads: Verilog repeats itself (port names
 * from the spec's port list, the header's names in the body, `<= ... ;`
 * patterns), so the tokens that followed the last few tokens where they
 * occurred before are a good guess for what follows now (prompt lookup
 * decoding). They join the heads' tree as one extra branch from the root;
 * acceptance verifies them like any node, so greedy output is unchanged.
 */

export interface LookupOptions {
  /** Longest branch proposed (0: no lookup). */
  maxTokens: number;
  /** Longest and shortest n-gram matched (the longest match found wins). */
  maxNgram?: number;
  minNgram?: number;
  /** Training code to draft from when the output and the spec have no match (datastore.ts). */
  store?: Datastore;
}

/**
 * On by default: `bench --prompts 20` gave MEDUSA 1.35x -> 2.02x and the
 * syntax lane 1.20x -> 1.68x on the CPU, 1.14x -> 2.12x and 0.99x -> 1.80x
 * on WASM (docs/benchmarking.md).
 */
export const LOOKUP_DEFAULTS: Required<Omit<LookupOptions, 'store'>> = { maxTokens: 8, maxNgram: 3, minNgram: 2 };

/**
 * The tokens that followed the most recent earlier occurrence of the
 * context's last n tokens (n from maxNgram down to minNgram), searched in
 * the output so far first, then in the spec; at most maxTokens of them.
 * Without a match there, the datastore's draft, if there is a store.
 */
export function lookupCandidates(context: readonly number[], spec: readonly number[], options: LookupOptions): number[] {
  const { maxTokens } = options;
  if (maxTokens <= 0) return [];
  const maxNgram = options.maxNgram ?? LOOKUP_DEFAULTS.maxNgram;
  const minNgram = options.minNgram ?? LOOKUP_DEFAULTS.minNgram;
  for (let n = Math.min(maxNgram, context.length); n >= minNgram; n--) {
    const key = context.slice(context.length - n);
    // In the output: the latest occurrence that is not the key itself, and has something after it.
    const inOutput = lastMatch(context, key, context.length - n - 1);
    if (inOutput >= 0) return context.slice(inOutput + n, inOutput + n + maxTokens);
    const inSpec = lastMatch(spec, key, spec.length - n);
    if (inSpec >= 0 && inSpec + n < spec.length) return spec.slice(inSpec + n, inSpec + n + maxTokens);
  }
  return options.store ? draftFromStore(options.store, context, maxTokens) : [];
}

/** Start of the last occurrence of `key` in `seq` starting at or before `from`, or -1. */
function lastMatch(seq: readonly number[], key: readonly number[], from: number): number {
  outer: for (let i = Math.min(from, seq.length - key.length); i >= 0; i--) {
    for (let j = 0; j < key.length; j++) if (seq[i + j] !== key[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * `tree` with a chain of `length` nodes hung from its root, after its own
 * nodes (so every parent still comes before its children). Chain nodes have
 * rank -1: their tokens come from the lookup, not a head.
 */
export function withChain(tree: TreeBuffers, length: number): TreeBuffers {
  if (length === 0) return tree;
  const size = tree.size + length;
  const parents = new Int32Array(size);
  const depths = new Int32Array(size);
  const ranks = new Int32Array(size).fill(-1);
  parents.set(tree.parents);
  depths.set(tree.depths);
  ranks.set(tree.ranks);
  const ancestorBias = new Float32Array(size * size).fill(-Infinity);
  for (let i = 0; i < tree.size; i++) ancestorBias.set(tree.ancestorBias.subarray(i * tree.size, (i + 1) * tree.size), i * size);
  const chain: number[] = [0];
  for (let k = 0; k < length; k++) {
    const i = tree.size + k;
    parents[i] = k === 0 ? 0 : i - 1;
    depths[i] = k + 1;
    chain.push(i);
    for (const j of chain) ancestorBias[i * size + j] = 0;
  }
  return {
    size, paths: [...tree.paths, ...Array.from({ length }, (_, k) => Array<number>(k + 1).fill(-1))],
    parents, depths, ranks, ancestorBias, leafPaths: [...tree.leafPaths, chain],
    depth: tree.depth, topK: tree.topK, // the heads' depth: the chain needs no head
  };
}
