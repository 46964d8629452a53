import { existsSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import { webgpuLoadOptions } from './backend.js';
import { folderSource } from './node-files.js';
import { nodeWebgpu } from './node-webgpu.js';
import { loadModel, readManifest, type LoadedModel } from './package.js';
import { laneIds as ids, SWIFTSHADER, TOKENS } from './swiftshader-kit.js';
import type { OrtModule } from './session.js';

// The CLI's WebGPU backend (Dawn in Node, onnxruntime-web's WebGPU path) on SwiftShader's Vulkan,
// which Debian's chromium package installs: a correctness check, as in the browser, but without one.
// The shipped model alone in this file (see node-webgpu.test.ts: one model an onnxruntime-web instance).
const SHIPPED = new URL('../../public/models/verispec-small/', import.meta.url).pathname;

describe.skipIf(!existsSync(SWIFTSHADER))('WebGPU in Node (Dawn on SwiftShader), the shipped model', () => {
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

