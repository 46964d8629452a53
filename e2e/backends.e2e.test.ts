import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ModelManifest } from '../src/model/manifest.js';
import { launchChromium, serveFolder } from './harness.js';

// Every graph of the fixture package, run by onnxruntime-web in Chromium on WebGPU and on WASM with the
// same inputs: the two backends must agree (the regression test for kernels that give wrong numbers on
// one of them, as the uint8 embedding Gather once did on WebGPU).
const ROOT = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${ROOT}fixtures/model-tiny/model.json`, 'utf8')) as ModelManifest & { architecture: { d_model: number } };

let host: Awaited<ReturnType<typeof serveFolder>>;
let browser: Browser;
let page: Page;

before(async () => {
  host = await serveFolder(ROOT);
  browser = await launchChromium({ webgpu: true });
  page = await browser.newPage();
  // tsx compiles the evaluated function with esbuild's name helper, which the page lacks.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${host.url}fixtures/model-tiny/model.json`);
});

after(async () => {
  await browser?.close();
  await host?.close();
});

type Outputs = Record<string, { dims: number[]; data: number[] } | string>;

/** Runs one graph on one backend with deterministic inputs shaped from the manifest. */
function runGraph(graph: string, backend: string): Promise<Outputs> {
  const a = manifest.architecture;
  return page.evaluate(async ({ graph, backend, a }) => {
    const ort = await import('/node_modules/onnxruntime-web/dist/ort.all.min.mjs' as string);
    ort.env.wasm.wasmPaths = '/node_modules/onnxruntime-web/dist/';
    ort.env.wasm.numThreads = 1;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    const f32 = (dims: number[]) => new ort.Tensor('float32', Float32Array.from({ length: dims.reduce((x, y) => x * y, 1) }, random), dims);
    const i64 = (values: number[], dims = [values.length]) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);
    const [L, H, D, S, C, T] = [a.num_decoder_layers, a.num_heads, a.d_kv, 6, 8, 3];
    const inputs: Record<string, () => unknown> = {
      input_ids: () => i64([5, 6, 7, 8, 9, 1], [1, S]),
      tokens: () => i64([5, 17, 23]), positions: () => i64([5, 6, 6]), parents: () => i64([-1, 0, 0]),
      tree_bias: () => new ort.Tensor('float32', Float32Array.from([0, -Infinity, -Infinity, 0, 0, -Infinity, 0, -Infinity, 0]), [T, T]),
      past_key: () => f32([L, H, C, D]), past_value: () => f32([L, H, C, D]), past_length: () => i64([5]),
      cross_key: () => f32([L, H, S, D]), cross_value: () => f32([L, H, S, D]),
      temperature: () => new ort.Tensor('float32', Float32Array.of(1), [1]), uniforms: () => new ort.Tensor('float32', Float32Array.of(0.1, 0.5, 0.9), [T]),
      hidden: () => f32([2, a.d_model]),
    };
    try {
      const bytes = new Uint8Array(await (await fetch(`/fixtures/model-tiny/${graph}`)).arrayBuffer());
      const session = await ort.InferenceSession.create(bytes, { executionProviders: [backend] });
      const feeds = Object.fromEntries(session.inputNames.map((name: string) => [name, inputs[name]!()]));
      const out = await session.run(feeds);
      return Object.fromEntries(Object.entries(out).map(([k, v]: [string, any]) => [k, { dims: [...v.dims], data: Array.from(v.data as ArrayLike<number | bigint>, Number) }]));
    } catch (error) {
      return { error: String(error) };
    }
  }, { graph, backend, a });
}

for (const quantization of ['fp32', 'int8', 'q4']) {
  test(`${quantization}: every graph gives the same outputs on WebGPU as on WASM`, async () => {
    const graphs = manifest.quantizations[quantization]!;
    for (const graph of [graphs.encoder, graphs.decoder_step, ...Object.values(graphs.heads)]) {
      const wasm = await runGraph(graph, 'wasm');
      const webgpu = await runGraph(graph, 'webgpu');
      assert.equal(wasm.error, undefined, `${graph} on WASM: ${String(wasm.error)}`);
      assert.equal(webgpu.error, undefined, `${graph} on WebGPU: ${String(webgpu.error)}`);
      for (const [name, want] of Object.entries(wasm) as [string, { dims: number[]; data: number[] }][]) {
        const got = webgpu[name] as { dims: number[]; data: number[] };
        assert.deepEqual(got.dims, want.dims, `${graph} ${name} dims`);
        if (/argmax|sample|ids/.test(name)) {
          assert.deepEqual(got.data, want.data, `${graph} ${name}`);
          continue;
        }
        const scale = Math.max(1, ...want.data.map(Math.abs));
        const worst = Math.max(...want.data.map((w, i) => Math.abs(w - got.data[i]!)));
        assert.ok(worst <= 1e-3 * scale, `${graph} ${name}: WebGPU differs from WASM by ${worst}`);
      }
    }
  });
}
