import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import { folderSource } from '../model/node-files.js';
import { loadModel } from '../model/package.js';
import type { OrtModule } from '../model/session.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { decode, type Strategy } from './decode.js';

const PACKAGE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${PACKAGE}expected-greedy.json`, 'utf8')) as {
  max_new_tokens: number; cases: { id: string; spec: string; output_ids: number[] }[];
};

async function ids(model: Awaited<ReturnType<typeof loadModel>>, spec: string, strategy: Strategy): Promise<number[]> {
  const completeness = strategy === 'syntax' ? (await loadSyntaxNode()).completeness() : undefined;
  const it = decode(model, spec, { strategy, maxNewTokens: expected.max_new_tokens, completeness });
  for (;;) {
    const next = await it.next();
    if (next.done) {
      completeness?.dispose();
      return next.value.ids;
    }
  }
}

describe('the engine on onnxruntime-web (WASM, as in the browser)', () => {
  test('fp32: every lane gives PyTorch greedy; quantized: every lane agrees with NTP', async () => {
    ortWeb.env.wasm.numThreads = 1;
    for (const quantization of ['fp32', 'int8', 'q4']) {
      const model = await loadModel(folderSource(PACKAGE), ortWeb as unknown as OrtModule, { quantization });
      for (const c of expected.cases.slice(0, 6)) {
        const ntp = await ids(model, c.spec, 'ntp');
        if (quantization === 'fp32') expect(ntp, c.id).toEqual(c.output_ids);
        expect(await ids(model, c.spec, 'medusa'), `${quantization} ${c.id} medusa`).toEqual(ntp);
        expect(await ids(model, c.spec, 'syntax'), `${quantization} ${c.id} syntax`).toEqual(ntp);
      }
      await model.sessions.release();
    }
  }, 120_000);
});
