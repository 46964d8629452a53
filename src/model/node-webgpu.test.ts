import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { webgpuLoadOptions } from './backend.js';
import { folderSource } from './node-files.js';
import { nodeWebgpu } from './node-webgpu.js';
import { loadModel, readManifest } from './package.js';
import { laneIds as ids, SWIFTSHADER, TOKENS } from './swiftshader-kit.js';

// The CLI's WebGPU backend (Dawn in Node, onnxruntime-web's WebGPU path) on SwiftShader's Vulkan,
// which Debian's chromium package installs: a correctness check, as in the browser, but without one.
// One model a file: in one onnxruntime-web instance a model loaded after another computed other
// tokens on WebGPU (the page loads each model in a fresh worker); vitest runs each file on its own.
const PACKAGE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${PACKAGE}expected-greedy.json`, 'utf8')) as {
  max_new_tokens: number; cases: { id: string; spec: string; output_ids: number[] }[];
};

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
});
