import type { TreeBuffers } from './tree.js';

/** Greedy at temperature 0; typical acceptance (MEDUSA) otherwise. */
export type AcceptanceRule =
  | { kind: 'greedy' }
  | { kind: 'typical'; epsilon: number; alpha: number };

export const TYPICAL_DEFAULTS = { epsilon: 0.09, alpha: 0.3 } as const;

/** What the verify step says about each node (see the decoder step's outputs). */
export interface NodeScores {
  tokens: ArrayLike<number>;
  argmax: ArrayLike<number>;
  entropy: ArrayLike<number>;
  parentLogprob: ArrayLike<number>;
}

/**
 * Which nodes are accepted (the root always is; a node only when its parent
 * is), and the winning path: the deepest accepted node, ties going to the
 * most likely path. Greedy: a node is accepted when its token is the base's
 * argmax at its parent. Typical: when p(token | parent) exceeds
 * min(epsilon, alpha * exp(-entropy at the parent)).
 */
export function accept(tree: TreeBuffers, scores: NodeScores, rule: AcceptanceRule): { accepted: boolean[]; path: number[] } {
  const accepted = new Array<boolean>(tree.size).fill(false);
  const logLikelihood = new Float64Array(tree.size);
  accepted[0] = true;
  let best = 0;
  for (let i = 1; i < tree.size; i++) {
    const parent = tree.parents[i]!;
    if (!accepted[parent]) continue;
    const ok = rule.kind === 'greedy'
      ? scores.tokens[i] === scores.argmax[parent]
      : Math.exp(scores.parentLogprob[i]!) > Math.min(rule.epsilon, rule.alpha * Math.exp(-scores.entropy[parent]!));
    if (!ok) continue;
    accepted[i] = true;
    logLikelihood[i] = logLikelihood[parent]! + scores.parentLogprob[i]!;
    const deeper = tree.depths[i]! > tree.depths[best]!;
    const likelier = tree.depths[i] === tree.depths[best] && logLikelihood[i]! > logLikelihood[best]!;
    if (deeper || likelier) best = i;
  }
  const path: number[] = [];
  for (let j = best; j >= 0; j = tree.parents[j]!) path.unshift(j);
  return { accepted, path };
}
