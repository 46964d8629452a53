import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { loadSyntaxNode } from '../src/syntax/node.js';
import { launchChromium, startPreview } from './harness.js';

// A real file from Debian's yosys package (installed by .ci/run), with
// directives, attributes, numbers, strings and comments.
const SAMPLE = '/usr/share/yosys/ice40/cells_map.v';

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;

before(async () => {
  server = await startPreview();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the worker segments a real file in Chromium exactly as Node does', async () => {
  const code = readFileSync(SAMPLE, 'utf8');
  const expected = (await loadSyntaxNode()).segment(code);

  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  // The page must be cross-origin isolated (WASM threads need it).
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);

  await page.getByText('Fragments: how the syntax-aware lane cuts code').click();
  await page.getByLabel('Verilog source').fill(code);
  const status = page.getByTestId('segment-status');
  await status.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="fragments"] .frag').length === n || document.querySelector('[data-status="failed"]'),
    expected.fragments.length, { timeout: 30_000 },
  );
  const fragments = await page.$$eval('[data-testid="fragments"] .frag', (spans) =>
    spans.map((s) => ({ start: Number(s.getAttribute('data-start')), end: Number(s.getAttribute('data-end')), kind: s.getAttribute('data-kind') })));

  assert.deepEqual(pageErrors, []);
  assert.ok(fragments.length > 100, `only ${fragments.length} fragments`);
  assert.deepEqual(fragments, expected.fragments);
  await page.close();
});
