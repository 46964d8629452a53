import type { PromptState, StepInputs, StepOutputs } from '../model/session.js';
import { accept } from './acceptance.js';
import type { DecodeConstraint } from './constraint.js';
import type { TreeBuffers } from './tree.js';

/** How a step's tree was masked: every row first, or unmasked first and masked only where it mattered. */
export type Masking = 'eager' | 'lazy' | 'lazy-rerun';

/**
 * One decoder step over `tree` under the constraint (names from the spec,
 * grammar). Masking every node's row before the forward costs a row per node,
 * most of them for nodes greedy acceptance never reaches. At temperature 0,
 * with more than one node, the step runs unmasked first and builds rows only
 * for the nodes acceptance reaches (their argmax decides what is kept and
 * what follows); where each of those argmaxes is a token its row allows,
 * masking could not change them (a mask only removes tokens), so the
 * unmasked outputs stand; otherwise the step runs again with every row.
 * Either way the committed tokens equal those of the eager step.
 */
export async function constrainedStep(
  prompt: PromptState,
  inputs: Omit<StepInputs, 'logitBias'>,
  tree: TreeBuffers,
  constraint: DecodeConstraint | null,
  outputText: string,
  greedy: boolean,
): Promise<{ out: StepOutputs; masking: Masking }> {
  const bias = () => constraint?.bias(outputText, inputs.tokens, inputs.parents) ?? undefined;
  if (!constraint || !greedy || inputs.tokens.length === 1) return { out: await prompt.step({ ...inputs, logitBias: bias() }), masking: 'eager' };
  const out = await prompt.step(inputs);
  const { accepted } = accept(tree, { tokens: inputs.tokens, argmax: out.argmax, entropy: out.entropy, parentLogprob: out.parentLogprob }, { kind: 'greedy' });
  const reached = new Set(accepted.flatMap((ok, node) => (ok ? [node] : [])));
  if (constraint.allowsArgmax(outputText, inputs.tokens, inputs.parents, reached, out.argmax)) return { out, masking: 'lazy' };
  return { out: await prompt.step({ ...inputs, logitBias: bias() }), masking: 'lazy-rerun' };
}
