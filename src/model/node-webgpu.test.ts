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
  // Tokens are compared within WebGPU (the lanes against its own NTP): against WASM, argmax ties
  // near equal logits can fall either way. Across backends the numbers are compared instead.
  test('the shipped model, int8: every lane gives WebGPU\'s NTP tokens, and its decoder step matches WASM\'s numbers', async () => {
    process.env.VK_ICD_FILENAMES ??= SWIFTSHADER;
    const gpu = await nodeWebgpu();
    const spec = 'Write a Verilog module named mux2: a 2:1 multiplexer of two 8-bit inputs a and b, select s, output y.';
    const source = folderSource(SHIPPED);
    const model = await loadModel(source, gpu.ort, webgpuLoadOptions({}, await readManifest(source), 'int8'));
    const ntp = await ids(model, spec, 'ntp');
    expect(ntp.length).toBe(TOKENS);
    for (const strategy of ['medusa', 'syntax'] as const) expect(await ids(model, spec, strategy), strategy).toEqual(ntp);
    ortWeb.env.wasm.numThreads = 1;
    const cpu = await loadModel(folderSource(SHIPPED), ortWeb as unknown as OrtModule, { quantization: 'int8' });
    const onGpu = await firstStep(model, spec);
    const onCpu = await firstStep(cpu, spec);
    const scale = Math.max(...onCpu.hidden.map(Math.abs));
    const worst = Math.max(...onGpu.hidden.map((h, i) => Math.abs(h - onCpu.hidden[i]!)));
    expect(worst, `hidden states differ by ${worst} (scale ${scale})`).toBeLessThan(1e-3 * scale);
    expect(onGpu.argmax).toBe(onCpu.argmax);
    await cpu.sessions.release();
    await model.sessions.release();
  }, 600_000);
});

/** The decoder's first step on the spec (the start token alone): its hidden state and argmax. */
async function firstStep(model: LoadedModel, spec: string): Promise<{ hidden: number[]; argmax: number }> {
  const prompt = await model.sessions.prompt(model.tokenizer.encodeSpec(spec));
  try {
    const out = await prompt.step({
      tokens: [model.manifest.special_tokens.decoder_start], depths: [0], parents: Int32Array.of(-1),
      treeBias: Float32Array.of(0), temperature: 1, uniforms: Float32Array.of(0.5),
    });
    return { hidden: Array.from(out.hidden, Number), argmax: Number(out.argmax[0]) };
  } finally {
    prompt.dispose();
  }
}

