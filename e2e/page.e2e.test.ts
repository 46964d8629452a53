import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { verilogFileName } from '../src/app/download.js';
import type { CostResult } from '../src/worker/protocol.js';
import { finishRace, laneCode, launchChromium, openPage, settledValue, startPreview } from './harness.js';

// The page's ways back from bad input, and what people expect of a tool like it: named
// downloads, a diff of differing lanes, dark mode, a history, labelled fields, a phone layout.
const SPEC = 'Write a Verilog module named mux2: a 2:1 multiplexer of two 8-bit inputs a and b, select s, output y.';

let app: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;

before(async () => {
  app = await startPreview();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const open = (path: string, options: Parameters<typeof openPage>[3] = {}) => openPage(browser, app.url, path, options);
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

async function race(page: Page, maxTokens: number, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  await page.getByLabel('Spec', { exact: true }).fill(SPEC);
  await page.getByLabel('Max tokens', { exact: true }).fill(String(maxTokens));
  for (const [label, value] of Object.entries(extra)) await page.getByLabel(label, { exact: true }).fill(value);
  await runButton(page).click();
  return finishRace(page);
}

test('a model URL that fails offers the shipped model, and Run works after it', async () => {
  const { page } = await open('?model=no-such-model/&backend=wasm', { ready: false });
  assert.equal(await page.getByTestId('model-status').getAttribute('data-status'), 'failed');
  assert.equal(await runButton(page).isDisabled(), true);
  await page.getByTestId('use-shipped').click();
  await page.locator('[data-testid="model-status"][data-status="ready"]').waitFor({ timeout: 90_000 });
  assert.equal(await page.getByLabel('Model package URL').inputValue(), 'models/verispec-small/');
  assert.equal(await runButton(page).isDisabled(), false);
  await page.close();
});

// The shipped package as a folder on disk, as a person with a downloaded package has it.
const SHIPPED_FOLDER = fileURLToPath(new URL('../public/models/verispec-small/', import.meta.url));
const openFolder = (page: Page, folder: string) => page.getByLabel('Open a model package folder').setInputFiles(folder);

test('a package opened from a local folder loads, races, and the page says a link cannot carry it', async () => {
  const { page } = await open('?backend=wasm');
  await openFolder(page, SHIPPED_FOLDER);
  const status = page.getByTestId('model-status');
  await page.locator('[data-testid="model-status"][data-status="ready"] [data-testid="local-model"]').waitFor({ timeout: 90_000 });
  assert.match(await status.textContent() ?? '', /^verispec-small \(int8, [\d.]+ MiB\) on WASM/);
  assert.match(await page.getByTestId('local-model').textContent() ?? '', /Loaded from the folder verispec-small on this computer\. A permalink cannot carry a local folder/);
  const texts = await race(page, 16);
  assert.ok(texts.ntp, 'the NTP lane wrote code');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  assert.match(await page.getByRole('status').filter({ hasText: /^link/ }).textContent() ?? '', /names the model URL models\/verispec-small\/, not the local folder verispec-small this race used/);
  await page.close();
});

test('a folder that lacks a file says which, and the model loaded before stays in use', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verispec-folder-'));
  const copy = join(dir, 'my-package');
  cpSync(SHIPPED_FOLDER, copy, { recursive: true, filter: (from) => !from.endsWith('decoder_step.int8.onnx') && !from.includes('transformers.js') });
  try {
    const { page } = await open('?backend=wasm');
    await openFolder(page, copy);
    const status = page.locator('[data-testid="model-status"][data-status="failed"]');
    await status.waitFor({ timeout: 60_000 });
    assert.equal(await status.textContent(), 'could not load the model: my-package/ lacks decoder_step.int8.onnx, which its model.json lists: copy the whole package folder (still using verispec-small)');
    assert.equal(await runButton(page).isDisabled(), false);
    assert.ok((await race(page, 8)).ntp, 'the previous model still races');
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('?backend=webgpu where the browser has no WebGPU runs on WASM and says why', async () => {
  const { page } = await open('?backend=webgpu');
  const status = page.getByTestId('model-status');
  assert.equal(await status.getAttribute('data-backend'), 'wasm');
  assert.match(await status.textContent() ?? '', /WebGPU was asked for, but/);
  await page.close();
});

test('a setting out of range disables Run with the reason until it is fixed', async () => {
  const { page } = await open('?backend=wasm');
  await page.getByLabel('Max tokens', { exact: true }).fill('99999');
  assert.equal(await runButton(page).isDisabled(), true);
  assert.match(await page.getByTestId('run-blocked').textContent() ?? '', /Max tokens must be between 1 and 2048/);
  await page.getByLabel('Max tokens', { exact: true }).fill('16');
  assert.equal(await runButton(page).isDisabled(), false);
  await page.close();
});

test('?quantization=bogus is named in the banner; q4 on WASM says it is slower', async () => {
  const { page } = await open('?backend=wasm&quantization=bogus');
  assert.match(await page.getByTestId('notices').textContent() ?? '', /quantization "bogus": this package has int8, q4; using int8/);
  assert.equal(await page.getByTestId('q4-note').count(), 0);
  await page.getByLabel('Quantization', { exact: true }).selectOption('q4');
  assert.match(await page.getByTestId('q4-note').textContent() ?? '', /3x slower than int8/);
  await page.close();
});

test('every form field has an id or name and a label', async () => {
  const { page } = await open('?backend=wasm');
  await page.getByText('Fragments: how the syntax-aware lane cuts code').click();
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    // Monaco's hidden input area is its own (one per editor, not a form field a person fills).
    .filter((el) => !el.classList.contains('inputarea') && !el.closest('.monaco-editor'))
    .filter((el) => !(el.id || el.getAttribute('name')) || !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label')))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, []);
  await page.close();
});

test('a finished race: the download is named after the module, a hovered node lights its code, the history keeps the race', async () => {
  const { page } = await open('?backend=wasm');
  const texts = await race(page, 40);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lane-ntp').getByRole('button', { name: /^Download / }).click()]);
  assert.equal(download.suggestedFilename(), verilogFileName(texts.ntp!, 'ntp'));
  assert.match(download.suggestedFilename(), /^(?!ntp\.v)\w+\.v$/, 'the greedy code names its module');
  // Greedy lanes write the same code: nothing to compare.
  assert.equal(await page.getByTestId('code-diff').count(), 0);
  // The tree's kept node lights up its own characters in the code.
  await page.locator('[data-testid="code-medusa"][data-monaco="ready"]').waitFor({ timeout: 30_000 });
  // A node with visible characters (a newline or spaces alone light up nothing Monaco draws): the last
  // step may have kept only blank space, so the scrubber goes back until a step kept a word.
  const tree = page.getByTestId('tree-medusa');
  const kept = tree.locator('[data-state="committed"]').filter({ hasText: /\w/ });
  const scrubber = tree.getByRole('group', { name: 'medusa steps' });
  for (let back = 0; (await kept.count()) === 0 && back < 40; back++) {
    await scrubber.focus();
    await scrubber.press('ArrowLeft');
  }
  await kept.first().hover();
  // A hover is a continuous event: React renders its state in a later task, Monaco draws in a later frame.
  await page.locator('[data-testid="code-medusa"][data-highlight]').waitFor({ timeout: 10_000 });
  const range = await page.getByTestId('code-medusa').getAttribute('data-highlight');
  assert.match(range ?? '', /^\d+-\d+$/);
  const [start, end] = range!.split('-').map(Number) as [number, number];
  assert.ok(end > start && end <= texts.medusa!.length);
  await page.locator('[data-testid="code-medusa"] .code-highlight').first().waitFor({ timeout: 10_000 }); // Monaco shows the highlight
  // The race is in the history, after a reload too; its link reproduces it.
  await page.reload();
  await page.locator('[data-testid="model-status"][data-status="ready"]').waitFor({ timeout: 90_000 });
  await page.getByText(/Recent races \(1/).click();
  await page.getByLabel('Spec', { exact: true }).fill('something else');
  await page.getByTestId('history-link').first().click();
  assert.equal(await settledValue(page.getByLabel('Spec', { exact: true }), SPEC), SPEC);
  await finishRace(page);
  assert.equal(await laneCode(page, 'ntp'), texts.ntp);
  await page.close();
});

test('sampled lanes that differ get a diff view', async () => {
  const { page } = await open('?backend=wasm');
  let texts: Record<string, string> = {};
  // Seeded sampling: lanes almost always differ; try a few seeds so the test does not rest on one.
  for (const seed of ['1', '2', '3']) {
    texts = await race(page, 48, { Temperature: '1', Seed: seed });
    if (texts.ntp !== texts.medusa || texts.ntp !== texts.syntax) break;
  }
  assert.ok(texts.ntp !== texts.medusa || texts.ntp !== texts.syntax, 'some lane wrote different code');
  const diff = page.getByTestId('code-diff');
  await diff.locator('.diff-editor[data-monaco="ready"]').waitFor({ timeout: 30_000 });
  assert.ok(await diff.locator('.monaco-diff-editor').count() > 0, 'Monaco shows the diff');
  await page.close();
});

test('dark mode follows the system, Monaco included', async () => {
  const { page } = await open('?backend=wasm', { colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(background, 'rgb(23, 24, 27)');
  await race(page, 8);
  await page.locator('[data-testid="code-ntp"] .monaco-editor.vs-dark').waitFor({ timeout: 30_000 });
  await page.close();
});

test('at 390 px the outcome fits without scrolling sideways, and the lanes are tabs', async () => {
  const { page } = await open('?backend=wasm', { viewport: { width: 390, height: 844 } });
  await race(page, 24);
  const outcome = page.getByTestId('outcome');
  const fits = await outcome.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  assert.ok(fits, 'the outcome table fits its box');
  for (const lane of ['ntp', 'medusa', 'syntax']) assert.ok(await outcome.getByTestId(`outcome-${lane}`).locator('td').nth(4).isVisible(), `${lane}'s speedup is on screen`);
  assert.equal(await page.getByTestId('lane-syntax').isVisible(), true);
  assert.equal(await page.getByTestId('lane-ntp').isVisible(), false);
  await page.getByRole('tab', { name: 'NTP' }).click();
  assert.equal(await page.getByTestId('lane-ntp').isVisible(), true);
  assert.equal(await page.getByTestId('lane-syntax').isVisible(), false);
  await page.close();
});

test('yosys shows its own download progress the first time it is used', async () => {
  const { page } = await open('?backend=wasm');
  // Every text the NTP lane's synthesis badge shows, as it changes.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __badges: string[] }).__badges = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="synth-ntp"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await race(page, 24);
  await page.locator('[data-testid="synth-ntp"]:not([data-verdict="running"])').waitFor({ timeout: 180_000 });
  const badges = await page.evaluate(() => (window as unknown as { __badges: string[] }).__badges);
  assert.ok(badges.some((b) => /^loading yosys: [\d.]+ of 29\.\d MiB$/.test(b)), `badges: ${badges.join(' | ')}`);
  await page.close();
});

test('the cost panel measures the loaded model by tree size and projects the lanes from its calibration', async () => {
  const { page, errors } = await open('?backend=wasm');
  await page.getByText('Cost on this device', { exact: false }).click();
  await page.getByRole('button', { name: 'Measure', exact: true }).click();
  const report = page.getByTestId('cost-report');
  await report.waitFor({ timeout: 180_000 });
  const result = JSON.parse((await report.getAttribute('data-report'))!) as CostResult;
  assert.equal(result.backend, 'wasm');
  assert.equal(result.modelId, 'verispec-small');
  assert.deepEqual(result.report.steps.map((s) => s.nodes), [1, 4, 12, 24]);
  assert.deepEqual(result.report.encoder.map((e) => e.tokens), [100, 500]);
  assert.ok(result.report.steps.every((s) => s.stepMs > 0 && s.totalMs >= s.stepMs));
  assert.ok(result.loadMs > 0 && result.bytes > 0);
  // The shipped package is calibrated on WASM: both speculative lanes are projected, by its entry.
  assert.equal(result.acceptance, 'wasm/int8');
  assert.deepEqual(Object.keys(result.projection).sort(), ['medusa', 'syntax']);
  assert.ok(result.projection.medusa!.trees.length >= 3);
  // Shown as tables: one row per tree size, one per projected lane and tree.
  assert.equal(await report.locator('table').first().locator('tbody tr').count(), 4);
  assert.equal(await page.getByRole('button', { name: 'Measure', exact: true }).isEnabled(), true);
  assert.deepEqual(errors, []);
});
