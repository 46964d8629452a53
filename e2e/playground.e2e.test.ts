import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { benchPrompts } from '../src/cli/bench.js';
import type { ModelManifest } from '../src/model/manifest.js';
import { finishRace, LANES, launchChromium, openPage, startPreview } from './harness.js';

// The playground as a person meets it, on the shipped model and WASM (SwiftShader's WebGPU is
// a correctness check, about 1 token/s; race.e2e.test.ts and src/model/node-webgpu.test.ts check WebGPU).
/** The page's first example (src/app/examples.json, written by `verispec eval --report --examples`). */
const EXAMPLE_SPEC = (JSON.parse(readFileSync(new URL('../src/app/examples.json', import.meta.url), 'utf8')) as { spec: string }[])[0]!.spec;
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

/** The page at `path`, one race per Run (the default "Best of" is the verdict test's). */
const open = (path: string, viewport = { width: 1400, height: 1000 }, bestOf: number | 'default' = 1) => openPage(browser, app.url, path, { viewport, bestOf });
const finish = finishRace;

async function setField(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

test('a race on WASM ends with an outcome: places, speedups, the chart; the greedy lanes write the same code', async () => {
  // The page opens on the first of its examples (a held-out spec the model gets right).
  // The default verdict: best of 3, with each lane's range.
  const { page, errors } = await open('?backend=wasm', undefined, 'default');
  assert.equal(await page.getByLabel('Best of', { exact: true }).inputValue(), '3');
  assert.equal(await page.getByLabel('Spec', { exact: true }).inputValue(), EXAMPLE_SPEC);
  await page.getByLabel('Spec', { exact: true }).press('Control+Enter');
  const texts = await finish(page);
  assert.match(texts.ntp!, /^module \w+ \([\s\S]*endmodule\s*$/);
  // yosys in WebAssembly (its own worker, loaded now) synthesizes the finished code: the one
  // verdict on the code the page shows (tree-sitter's parse has known false errors: no badge).
  await page.locator('[data-testid="synth-ntp"][data-verdict="ok"]').waitFor({ timeout: 180_000 });
  // Each lane asks yosys in turn (one worker, one queue): the syntax lane's verdict may come later.
  await page.locator('[data-testid="synth-syntax"]:not([data-verdict="running"])').waitFor({ timeout: 180_000 });
  assert.equal(await page.getByTestId('synth-syntax').getAttribute('data-verdict'), 'ok');
  assert.equal(await page.getByTestId('syntax-ntp').count(), 0);
  assert.equal(await page.getByTestId('code-ntp').getAttribute('data-markers'), '');
  assert.equal(texts.medusa, texts.ntp);
  assert.equal(texts.syntax, texts.ntp);
  const places = await Promise.all(LANES.map(async (l) => Number(await page.getByTestId(`outcome-${l}`).getAttribute('data-place'))));
  assert.deepEqual([...places].sort(), [1, 2, 3]);
  assert.equal(await page.getByTestId('outcome-ntp').getAttribute('data-speedup'), '1');
  // Places and speedups by one measure: first place has the largest speedup.
  const speedups = await Promise.all(LANES.map(async (l) => Number(await page.getByTestId(`outcome-${l}`).getAttribute('data-speedup'))));
  assert.equal(places[speedups.indexOf(Math.max(...speedups))], 1);
  assert.match(await page.getByRole('heading', { name: /Result/ }).textContent() ?? '', /median of 3 runs/);
  assert.equal(await page.getByTestId('outcome-note').getAttribute('data-same-code'), 'true');
  assert.match(await page.getByTestId('outcome-note').textContent() ?? '', /Same code, different speed/);
  assert.equal(await page.getByRole('img', { name: 'Tokens committed per step, per lane' }).count(), 1);
  for (const lane of LANES) assert.equal(await page.getByTestId(`lane-${lane}`).getAttribute('data-status'), 'done');
  await page.locator('[data-testid="code-ntp"][data-monaco="ready"]').waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('[data-testid="code-ntp"] .monaco-editor').count() > 0, 'Monaco shows the code');
  const shots = process.env.VERISPEC_SCREENSHOTS;
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'playground.png'), fullPage: false, timeout: 60_000 });
  }
  // Nothing moved when the result and the verdicts appeared (the summary line keeps its place; the table is under the lanes).
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)}`);
  assert.match(await page.getByTestId('race-summary').textContent() ?? '', /^1\. .+ · 2\. .+ · 3\. .+median of 3 runs/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the token tree scrubber goes through every step; over a sampled race it shows nodes of every state', async () => {
  const { page } = await open('?backend=wasm');
  // Sampling (typical acceptance) accepts sibling candidates; the heads' default trees (24 nodes) give
  // the syntax cut something to cut on this held-out spec.
  await page.getByLabel('Spec', { exact: true }).fill(benchPrompts(1)[0]!.spec);
  await page.getByLabel('Candidate tree').selectOption('default');
  // The model's own names and grammar: the checks rule out most of what the syntax would cut, so the
  // cut fires in few sampled races and the test would be about the seed, not the scrubber.
  await page.getByLabel('Names').selectOption('free');
  await page.getByLabel('Grammar').selectOption('off');
  await setField(page, 'Max tokens', '160');
  await setField(page, 'Temperature', '0.9');
  // A seed whose race the cut fires in: seeded sampling is reproducible, but which seed cuts depends
  // on the shipped model, so the test tries a few rather than failing on the next model.
  for (const seed of ['2', '1', '3', '4', '5', '6', '7', '8']) {
    await setField(page, 'Seed', seed);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-testid="lane-ntp"][data-status="running"]').waitFor();
    await finish(page, 300_000);
    if (Number(await page.getByTestId('cuts-syntax').getAttribute('data-cuts')) > 0) break;
  }
  const seen = new Set<string>();
  let looked = 0;
  for (const lane of ['medusa', 'syntax']) {
    const tree = page.getByTestId(`tree-${lane}`);
    const scrubber = tree.getByRole('group', { name: `${lane} steps` });
    await scrubber.focus();
    await scrubber.press('Home');
    assert.equal(await tree.getAttribute('data-step'), '1');
    const steps = Number(await tree.getByRole('slider').getAttribute('max'));
    let cutSteps = 0;
    for (let step = 1; step <= steps; step++) {
      assert.equal(await tree.getAttribute('data-step'), String(step));
      const states = await tree.locator('[data-state]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state')));
      for (const state of states) seen.add(state!);
      if (states.includes('cut')) cutSteps++;
      looked += await tree.locator('[data-looked]').count();
      await scrubber.press('ArrowRight');
    }
    if (lane === 'syntax') {
      // The steps the cut fired in: counted under the lane, ticked on the scrubber, one click away.
      assert.ok(cutSteps > 0);
      assert.equal(await tree.getByTestId('cuts-syntax').getAttribute('data-cuts'), String(cutSteps));
      assert.equal(await tree.locator('[data-testid="cut-ticks-syntax"] option').count(), cutSteps);
      await scrubber.press('Home');
      await tree.getByRole('button', { name: 'next cut' }).click();
      assert.ok(await tree.locator('[data-state="cut"]').count() > 0, 'next cut shows a step with cut nodes');
    }
  }
  assert.ok(await page.getByTestId('cut-explained').isVisible());
  assert.deepEqual([...seen].sort(), ['accepted', 'committed', 'cut', 'rejected', 'root']);
  // Lookup is on by default: some candidates were looked up in the spec or the code, and drawn so.
  assert.ok(looked > 0, 'no looked-up node in any step');
  await page.close();
});

test('a permalink restores the spec and settings and reproduces the same tokens', async () => {
  const { page } = await open('?backend=wasm');
  await page.getByLabel('Spec', { exact: true }).fill(SPEC);
  await setField(page, 'Max tokens', '48');
  await setField(page, 'Temperature', '0.7');
  await setField(page, 'Seed', '11');
  await page.getByLabel('Grammar').selectOption('off');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const first = await finish(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForURL(/#r=/); // replaceState reaches Playwright's URL after the click returns
  const link = page.url();
  assert.match(link, /#r=/);
  const { page: again } = await open(link.slice(app.url.length));
  assert.equal(await again.getByLabel('Spec', { exact: true }).inputValue(), SPEC);
  assert.equal(await again.getByLabel('Temperature', { exact: true }).inputValue(), '0.7');
  assert.equal(await again.getByLabel('Grammar').inputValue(), 'off');
  assert.deepEqual(await finish(again), first);
  await page.close();
  await again.close();
});

test('the page says what it reads in the spec: the header it holds the decoder to, or how to give one', async () => {
  const { page, errors } = await open('?backend=wasm');
  await setField(page, 'Spec', SPEC);
  const line = page.locator('[data-testid="spec-reading"][data-held="false"]');
  await line.waitFor({ timeout: 120_000 });
  assert.match((await line.textContent()) ?? '', /module mux2[\s\S]*Give every port a direction \(/);
  await setField(page, 'Spec', 'Module name: mux2.\nPort list: input [7:0] a, input [7:0] b, input s, output [7:0] y.');
  const held = page.locator('[data-testid="spec-reading"][data-held="true"]');
  await held.waitFor();
  assert.match((await held.textContent()) ?? '', /module mux2 with input \[7:0\] a, input \[7:0\] b, input s, output \[7:0\] y/);
  // A loose list holds it too, a port with no width written one bit.
  await setField(page, 'Spec', 'mux2 picks q when s is 1: p[7:0], q[7:0], s -> y[7:0]');
  await page.locator('[data-testid="spec-reading"][data-held="true"]', { hasText: 'input [7:0] p, input [7:0] q, input s, output [7:0] y' }).waitFor();
  assert.deepEqual(errors, []);
});

test('bad input gets a clear message and a working page', async () => {
  const cases: [string, RegExp][] = [
    ['#r=NoBwRg%%%broken', /damaged.*starts from its defaults/],
    [`#r=${'A'.repeat(40_000)}`, /too long/],
    ['#nonsense', /not a VeriSpec permalink/],
    ['?backend=foo&maxTokens=99999', /\?backend="foo": must be one of auto, webgpu, wasm[\s\S]*\?maxTokens="99999": must be between 1 and 2048/],
  ];
  for (const [path, message] of cases) {
    const { page } = await open(path.startsWith('?') ? path : `?backend=wasm${path}`);
    assert.match((await page.getByTestId('notices').textContent()) ?? '', message, path.slice(0, 30));
    await page.close();
  }
  // A quantization the package lacks, and a relative model URL (resolved against the page).
  const { page } = await open('?backend=wasm&quantization=fp32&model=models/verispec-small/');
  assert.match((await page.getByTestId('model-status').textContent()) ?? '', /no fp32 graphs \(it has int8, q4\); using int8/);
  // Form values out of range are refused with the reason; the run uses the last good value.
  await setField(page, 'Max tokens', '99999');
  assert.match((await page.getByRole('alert').filter({ hasText: 'Max tokens' }).textContent()) ?? '', /must be between 1 and 2048/);
  await setField(page, 'Max tokens', '8');
  // An empty spec cannot run, and says why.
  await page.getByLabel('Spec', { exact: true }).fill('   ');
  assert.equal(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled(), true);
  assert.match((await page.getByTestId('run-blocked').textContent()) ?? '', /type a spec first/);
  await page.getByLabel('Spec', { exact: true }).fill(SPEC);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const texts = await finish(page);
  assert.ok(Number(await page.getByTestId('lane-ntp').getAttribute('data-tokens')) <= 8);
  assert.ok(texts.ntp!.length > 0);
  await page.close();
});

test('at 390 px the page has no horizontal overflow, before and after a race', async () => {
  const { page } = await open('?backend=wasm', { width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  await setField(page, 'Max tokens', '16');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await finish(page);
  assert.equal(await overflow(), 0);
  await page.close();
});

test('the first load counts every byte the first race needs: the runtime .wasm, compressed, is in the progress, fetched once', async () => {
  const context = await browser.newContext();
  try {
    const runtimeRequests: Request[] = [];
    context.on('request', (r) => {
      // The service worker's own fetch of a request it intercepted is the same download.
      if (/ort-wasm[^/]*\.wasm/.test(r.url()) && !r.serviceWorker()) runtimeRequests.push(r);
    });
    const page = await context.newPage();
    // The largest total the download bar ever shows.
    await page.addInitScript(`globalThis.__progressMax = 0;
      new MutationObserver(() => {
        for (const p of document.querySelectorAll('progress[aria-label="Model download"]')) globalThis.__progressMax = Math.max(globalThis.__progressMax, Number(p.max));
      }).observe(document, { subtree: true, childList: true, attributes: true });`);
    await page.goto(`${app.url}?backend=wasm`);
    await page.locator('[data-testid="model-status"][data-status="ready"]').waitFor({ timeout: 90_000 });
    const manifest = JSON.parse(readFileSync(new URL('../public/models/verispec-small/model.json', import.meta.url), 'utf8')) as ModelManifest;
    const graphs = manifest.quantizations[manifest.default_quantization]!;
    const needed = [manifest.tokenizer, ...Object.values(graphs.heads), graphs.encoder, graphs.decoder_step, manifest.kv_commit];
    const packageBytes = needed.reduce((n, path) => n + manifest.files.find((f) => f.path === path)!.bytes, 0);
    const shown = await page.evaluate(() => (globalThis as unknown as { __progressMax: number }).__progressMax);
    assert.equal(runtimeRequests.length, 1, `the runtime was fetched ${runtimeRequests.length} times: ${runtimeRequests.map((r) => r.url()).join(', ')}`);
    // npm start serves the runtime compressed (brotli: about a sixth of its 28 MB), and the bar
    // counts what comes over the wire: the package's files plus the runtime's transfer.
    const headers = await (await runtimeRequests[0]!.response())!.allHeaders();
    assert.equal(headers['content-encoding'], 'br');
    const runtimeBytes = Number(headers['content-length']);
    assert.ok(runtimeBytes > 2 ** 20 && runtimeBytes < 12 * 2 ** 20, `runtime transfer ${runtimeBytes} bytes`);
    assert.equal(shown, packageBytes + runtimeBytes, `the bar's total (${shown} bytes) against the package's ${packageBytes} and the runtime's ${runtimeBytes}`);
  } finally {
    await context.close();
  }
});

test('after one online visit the page works offline: the page from its service worker, the model and runtime from Cache Storage', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const ready = () => page.locator('[data-testid="model-status"][data-status="ready"]').waitFor({ timeout: 90_000 });
    await page.goto(`${app.url}?backend=wasm`);
    await ready();
    const registered = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
    ]));
    assert.equal(registered, true, 'the page registers its service worker (active once it has stored the page)');
    await context.setOffline(true);
    await page.reload();
    await ready();
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, 'offline, the page is still cross-origin isolated (WASM threads)');
    await page.getByLabel('Max tokens', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const texts = await finish(page);
    assert.ok(texts.ntp!.length > 0);
    // The editors too (Monaco's chunks, workers and styles were stored on the first visit).
    await page.locator('[data-testid="code-ntp"][data-monaco="ready"]').waitFor({ timeout: 30_000 });
    // Offline, the synthesis badge is yosys's verdict on the code or says there is none: a
    // yosys that cannot load is never shown as code that does not synthesize.
    const badge = page.locator('[data-testid="synth-ntp"]:not([data-verdict="running"])');
    await badge.waitFor({ timeout: 180_000 });
    const verdict = await badge.getAttribute('data-verdict');
    if (verdict === 'unavailable') assert.equal(await badge.textContent(), 'synthesis unavailable');
    else assert.doesNotMatch(await badge.getAttribute('title') ?? '', /could not (start|be loaded|run)/);
  } finally {
    await context.close();
  }
});

test('twenty races in a row do not grow the worker\'s memory without bound', async (t) => {
  const { page } = await open('?backend=wasm');
  await page.getByLabel('Spec', { exact: true }).fill(SPEC);
  await setField(page, 'Max tokens', '24');
  // The page's whole memory, its workers included (the page is cross-origin isolated, so Chromium
  // measures it); it resolves at the next garbage collection, up to a minute later.
  const measure = () => page.evaluate(async () => {
    const m = await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }).measureUserAgentSpecificMemory();
    return m.bytes;
  });
  const samples: number[] = [];
  for (let i = 1; i <= 20; i++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-testid="lane-ntp"][data-status="running"], [data-testid="outcome"]').first().waitFor();
    await finish(page);
    await page.locator('button:has-text("Run"):not([disabled])').waitFor();
    if (i === 5 || i === 20) samples.push(await measure());
  }
  const [after5, after20] = samples as [number, number];
  t.diagnostic(`page + worker memory after 5 races: ${(after5 / 2 ** 20).toFixed(1)} MiB, after 20: ${(after20 / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(after5 > 30 * 2 ** 20, `the page and its worker are measured (${after5} bytes)`);
  // Fifteen more races may not add more than 16 MiB (a leaked KV cache or session would add far more).
  assert.ok(after20 - after5 < 16 * 2 ** 20, `memory grew from ${after5} to ${after20} bytes`);
  await page.close();
});
