import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, test } from 'vitest';
import { folderSource } from '../model/node-files.js';
import { loadModel, type LoadedModel } from '../model/package.js';
import type { PromptState } from '../model/prompt-state.js';

const PACKAGE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;
let model: LoadedModel;
beforeAll(async () => {
  model = await loadModel(folderSource(PACKAGE), ort, { quantization: 'int8' });
});

/** One step over `tokens` as the root and its children (depth 1), with the given uniforms. */
function starStep(prompt: PromptState, tokens: number[], temperature: number, uniforms: number[]) {
  const n = tokens.length;
  const bias = new Float32Array(n * n).fill(-Infinity);
  for (let i = 0; i < n; i++) bias[i * n] = bias[i * n + i] = 0;
  return prompt.step({
    tokens, depths: Int32Array.from(tokens, (_, i) => (i ? 1 : 0)), parents: Int32Array.from(tokens, (_, i) => (i ? 0 : -1)),
    treeBias: bias, temperature, uniforms: Float32Array.from(uniforms),
  });
}

describe('sampling', () => {
  // The eval issue saw glued keywords in sampled outputs (`modulemodule`). This
  // holds the whole sampling path (engine inputs, graph, outputs) to a plain
  // inverse-CDF sampler over the model's own distribution, read back as every
  // token's log-prob under the same parent: if they agree, the model is to blame.
  test('the sampled token is the inverse CDF of the model\'s tempered distribution', async () => {
    const prompt = await model.sessions.prompt(model.tokenizer.encodeSpec('Write a Verilog module named mux2: a 2-to-1 multiplexer.'));
    try {
      const start = await starStep(prompt, [model.manifest.special_tokens.decoder_start], 1, [0]);
      await prompt.commit([0]);
      const root = start.argmax[0]!;
      const vocab = model.manifest.architecture.vocab_size;
      const everyToken = await starStep(prompt, [root, ...Array.from({ length: vocab }, (_, i) => i)], 1, new Array(vocab + 1).fill(0));
      const logp = Array.from(everyToken.parentLogprob.slice(1));
      expect(logp.reduce((s, l) => s + Math.exp(l), 0)).toBeCloseTo(1, 4);
      for (const temperature of [0.5, 0.8, 1.2]) {
        const weights = logp.map((l) => Math.exp(l / temperature));
        const total = weights.reduce((a, b) => a + b, 0);
        const cdf: number[] = [];
        weights.reduce((s, w, i) => (cdf[i] = s + w / total), 0);
        let differ = 0;
        for (let k = 0; k < 64; k++) {
          const u = (k + 0.5) / 64;
          const sampled = (await starStep(prompt, [root], temperature, [u])).sample[0]!;
          const expected = cdf.findIndex((c) => c > u);
          // float32 cumulative sums may move a boundary by a rounding step; never more than one token.
          if (sampled !== expected) {
            differ++;
            expect(Math.abs(cdf[Math.min(sampled, expected)]! - u)).toBeLessThan(1e-5);
          }
        }
        expect(differ).toBeLessThanOrEqual(1);
      }
    } finally {
      prompt.dispose();
    }
  });
});
