import { existsSync, readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import { decode, type Strategy } from '../engine/decode.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { webgpuLoadOptions } from './backend.js';
import { folderSource } from './node-files.js';
import { nodeWebgpu } from './node-webgpu.js';
import { loadModel, readManifest, type LoadedModel } from './package.js';
import type { OrtModule } from './session.js';

// The CLI's WebGPU backend (Dawn in Node, onnxruntime-web's WebGPU path) on SwiftShader's Vulkan,
// which Debian's chromium package installs: a correctness check, as in the browser, but without one.
const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';
const PACKAGE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;
const SHIPPED = new URL('../../public/models/verispec-small/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${PACKAGE}expected-greedy.json`, 'utf8')) as {
  max_new_tokens: number; cases: { id: string; spec: string; output_ids: number[] }[];
};

// SwiftShader compiles a pipeline per new shape: a short greedy prefix keeps the test to minutes.
const TOKENS = 20;

async function ids(model: LoadedModel, spec: string, strategy: Strategy): Promise<number[]> {
  const completeness = strategy === 'syntax' ? (await loadSyntaxNode()).completeness() : undefined;
  const it = decode(model, spec, { strategy, maxNewTokens: TOKENS, completeness });
  for (;;) {
    const next = await it.next();
    if (next.done) {
      completeness?.dispose();
      return next.value.ids;
    }
  }
}

describe.skipIf(!existsSync(SWIFTSHADER))('WebGPU in Node (Dawn on SwiftShader)', () => {
  test('fixture, fp32: every lane gives the PyTorch greedy output', async () => {
    process.env.VK_ICD_FILENAMES ??= SWIFTSHADER;
    const gpu = await nodeWebgpu();
    expect(gpu.software).toBe(true);
    expect(gpu.adapter).toMatch(/swiftshader/i);
    const source = folderSource(PACKAGE);
    const model = await loadModel(source, gpu.ort, webgpuLoadOptions({}, await readManifest(source), 'fp32'));
    const c = expected.cases[0]!;
    for (const strategy of ['ntp', 'medusa', 'syntax'] as const) expect(await ids(model, c.spec, strategy), strategy).toEqual(c.output_ids.slice(0, TOKENS));
    await model.sessions.release();
  }, 600_000);

  // Moved here from the browser tests: the same graphs, the same check, minutes faster.
  // WASM is the reference: the same onnxruntime-web graph rewrites (onnxruntime-node's int8 kernels round otherwise).
  test('the shipped model, int8: the tokens WASM gives, on every lane', async () => {
    process.env.VK_ICD_FILENAMES ??= SWIFTSHADER;
    const gpu = await nodeWebgpu();
    const spec = 'Write a Verilog module named mux2: a 2:1 multiplexer of two 8-bit inputs a and b, select s, output y.';
    ortWeb.env.wasm.numThreads = 1;
    const cpu = await loadModel(folderSource(SHIPPED), ortWeb as unknown as OrtModule, { quantization: 'int8' });
    const reference = await ids(cpu, spec, 'ntp');
    await cpu.sessions.release();
    const source = folderSource(SHIPPED);
    const model = await loadModel(source, gpu.ort, webgpuLoadOptions({}, await readManifest(source), 'int8'));
    for (const strategy of ['ntp', 'medusa', 'syntax'] as const) expect(await ids(model, spec, strategy), strategy).toEqual(reference);
    await model.sessions.release();
  }, 600_000);
});
