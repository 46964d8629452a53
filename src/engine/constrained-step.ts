import type { PromptState, StepInputs, StepOutputs } from '../model/prompt-state.js';
import { accept } from './acceptance.js';
import type { DecodeConstraint } from './constraint.js';
import type { TreeBuffers } from './tree.js';

/**
 * How a step's tree was masked: `eager`, every row before the forward; `lazy`,
 * unmasked, no reached argmax ruled out; `lazy-ranked`, unmasked, some reached
 * argmax replaced by the best allowed of its ranked tokens; `lazy-rerun`, run
 * again with every row (the decoder ran twice).
 */
export type Masking = 'eager' | 'lazy' | 'lazy-ranked' | 'lazy-rerun';

/**
 * One decoder step over `tree` under the constraint (names from the spec,
 * grammar). Masking every node's row before the forward costs a row per node,
 * most of them for nodes greedy acceptance never reaches. So at temperature
 * 0, with more than one node, the step runs unmasked and builds rows only for
 * the nodes acceptance reaches (their argmax decides what is kept and what
 * follows). A mask only removes tokens, so a reached node's masked argmax is
 * the first of its best tokens (the step's `ranked` output; the argmax alone
 * for packages without it) that its row allows; replacing an argmax can make
 * acceptance reach further, so this repeats until no new node is reached.
 * Where no ranked token is allowed, the step runs again with every row.
 * Either way the committed tokens equal those of the eager step. A lazy
 * step's other outputs (entropy, log-probs, samples, ranked) are the
 * unmasked model's: greedy acceptance decides by the argmax (log-probs only
 * break ties between nodes that hold the same tokens).
 */
export async function constrainedStep(
  prompt: PromptState,
  inputs: Omit<StepInputs, 'logitBias'>,
  tree: TreeBuffers,
  constraint: DecodeConstraint | null,
  outputText: string,
  greedy: boolean,
): Promise<{ out: StepOutputs; masking: Masking }> {
  const masked = () => prompt.step({ ...inputs, logitBias: constraint?.bias(outputText, inputs.tokens, inputs.parents) ?? undefined });
  if (!constraint || !greedy || inputs.tokens.length === 1) return { out: await masked(), masking: 'eager' };
  const out = await prompt.step(inputs);
  const { ids: ranked, k } = out.ranked ?? { ids: out.argmax, k: 1 };
  const argmax = Int32Array.from(out.argmax);
  const checked = new Set<number>();
  let replaced = false;
  for (;;) {
    const { accepted } = accept(tree, { tokens: inputs.tokens, argmax, entropy: out.entropy, parentLogprob: out.parentLogprob }, { kind: 'greedy' });
    const fresh = new Set(accepted.flatMap((ok, node) => (ok && !checked.has(node) ? [node] : [])));
    if (fresh.size === 0) return { out: { ...out, argmax }, masking: replaced ? 'lazy-ranked' : 'lazy' };
    for (const [node, best] of constraint.maskedArgmax(outputText, inputs.tokens, inputs.parents, fresh, argmax, ranked, k)) {
      if (best < 0) return { out: await masked(), masking: 'lazy-rerun' };
      replaced ||= best !== argmax[node];
      argmax[node] = best;
      checked.add(node);
    }
  }
}
