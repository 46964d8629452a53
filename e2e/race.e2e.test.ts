import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { decode } from '../src/engine/decode.js';
import { folderSource } from '../src/model/node-files.js';
import { loadModel } from '../src/model/package.js';
import * as ort from 'onnxruntime-node';
import { laneCode, launchChromium, serveFolder, startPreview } from './harness.js';

// The fixture package (a tiny trained model), served from another origin as any model URL would be.
const PACKAGE = new URL('../fixtures/model-tiny/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${PACKAGE}expected-greedy.json`, 'utf8')) as {
  max_new_tokens: number; cases: { id: string; spec: string; output_ids: number[] }[];
};
const CASE = expected.cases[0]!;
const LANES = ['ntp', 'medusa', 'syntax'];

let app: Awaited<ReturnType<typeof startPreview>>;
let host: Awaited<ReturnType<typeof serveFolder>>;
let expectedText: string;
/** A spec the fixture model does not end before 300 tokens, so Stop has a race to stop. */
let longSpec: string;
const browsers: Browser[] = [];

before(async () => {
  app = await startPreview();
  host = await serveFolder(PACKAGE, {
    '/missing/model.json': { status: 404, body: 'not found' },
    '/garbage/model.json': { status: 200, body: '<html>this is not a model</html>' },
  });
  // The PyTorch model's greedy output for the spec, as text.
  const model = await loadModel(folderSource(PACKAGE), ort, { quantization: 'fp32' });
  expectedText = model.tokenizer.appendText([], CASE.output_ids.filter((t) => t !== model.manifest.special_tokens.eos)).text;
  for (const c of expected.cases) {
    const run = decode(model, c.spec, { strategy: 'ntp', maxNewTokens: 300 });
    let next = await run.next();
    while (!next.done) next = await run.next();
    if (next.value.stop === 'max-tokens') {
      longSpec = c.spec;
      break;
    }
  }
  assert.ok(longSpec!, 'no fixture spec runs to 300 tokens');
  await model.sessions.release();
});

after(async () => {
  for (const b of browsers) await b.close();
  await host?.close();
  await app?.close();
});

async function openPlayground(options: { webgpu: boolean; backend: string; shipped?: boolean }): Promise<{ page: Page; errors: string[] }> {
  const browser = await launchChromium({ webgpu: options.webgpu });
  browsers.push(browser);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const model = options.shipped ? '' : `model=${encodeURIComponent(host.url)}&quantization=fp32&`;
  // One race per Run: these tests are about the tokens, not the verdict over runs.
  await page.goto(`${app.url}?${model}backend=${options.backend}&bestOf=1`);
  // A package from another origin is downloaded only once the person agrees.
  if (!options.shipped) await page.getByRole('button', { name: 'Download', exact: true }).click();
  await page.locator('[data-testid="model-status"]:not([data-status="loading"]):not([data-status="idle"]):not([data-status="confirm"])').waitFor({ timeout: 60_000 });
  return { page, errors };
}


async function race(page: Page, spec: string, maxTokens: number, timeout = 120_000): Promise<Record<string, string>> {
  await page.getByLabel('Spec', { exact: true }).fill(spec);
  await page.getByLabel('Max tokens', { exact: true }).fill(String(maxTokens));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  for (const lane of LANES) await page.locator(`[data-testid="lane-${lane}"][data-status="done"]`).waitFor({ timeout });
  const texts: Record<string, string> = {};
  for (const lane of LANES) texts[lane] = await laneCode(page, lane);
  return texts;
}

for (const backend of ['webgpu', 'wasm'] as const) {
  test(`${backend}: all three lanes give the PyTorch greedy output in the browser`, async () => {
    const { page, errors } = await openPlayground({ webgpu: backend === 'webgpu', backend });
    const status = page.getByTestId('model-status');
    assert.equal(await status.getAttribute('data-status'), 'ready', (await status.textContent()) ?? '');
    assert.equal(await status.getAttribute('data-backend'), backend);
    // WebGPU here is SwiftShader, a CPU: well under a token a second, and slower still on a busy machine.
    const texts = await race(page, CASE.spec, expected.max_new_tokens, backend === 'webgpu' ? 300_000 : 120_000);
    for (const lane of LANES) assert.equal(texts[lane], expectedText, `${backend} ${lane}`);
    assert.deepEqual(errors, []);
  });
}

test('auto without WebGPU falls back to WASM and says why', async () => {
  const { page } = await openPlayground({ webgpu: false, backend: 'auto' });
  const status = page.getByTestId('model-status');
  assert.equal(await status.getAttribute('data-backend'), 'wasm');
  assert.match((await status.textContent()) ?? '', /WebGPU unavailable: .+/);
});

// The shipped model's int8 graphs on WebGPU against WASM: src/model/node-webgpu.test.ts (Dawn in Node, faster).

test('auto on a software WebGPU adapter (SwiftShader) runs WASM and says why', async () => {
  const { page } = await openPlayground({ webgpu: true, backend: 'auto', shipped: true });
  const status = page.getByTestId('model-status');
  assert.equal(await status.getAttribute('data-backend'), 'wasm');
  assert.match((await status.textContent()) ?? '', /software renderer here .*WASM is many times faster/);
});

test('a model URL that 404s or serves garbage is a clear error, and the loaded model stays', async () => {
  const { page } = await openPlayground({ webgpu: false, backend: 'wasm' });
  const status = page.getByTestId('model-status');
  for (const [path, message] of [['missing/', /HTTP 404/], ['garbage/', /not JSON/]] as const) {
    await page.getByLabel('Model package URL').fill(`${host.url}${path}`);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    // The host was confirmed when the page opened: no second question.
    await page.locator('[data-testid="model-status"][data-status="failed"]', { hasText: message }).waitFor({ timeout: 30_000 });
    const text = (await status.textContent()) ?? '';
    assert.match(text, message);
    assert.match(text, /still using/);
  }
  const texts = await race(page, CASE.spec, 8);
  assert.ok(texts.ntp!.length > 0);
});

test('Stop cancels a race at its next step', async () => {
  const { page } = await openPlayground({ webgpu: false, backend: 'wasm' });
  await page.getByLabel('Spec', { exact: true }).fill(longSpec);
  await page.getByLabel('Max tokens', { exact: true }).fill('2048');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('[data-testid="lane-ntp"][data-status="running"]').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="lane-ntp"]')?.getAttribute('data-tokens')) > 0);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.locator('[data-testid="lane-ntp"][data-status="cancelled"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('race-error').count(), 0);
  // The worker is free again: a new race runs to the end.
  const texts = await race(page, CASE.spec, 8);
  assert.ok(texts.ntp!.length > 0);
});
