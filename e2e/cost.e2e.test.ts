import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { CostResult } from '../src/worker/protocol.js';
import { launchChromium, openPage, startPreview } from './harness.js';

// "Cost on this device": the page times the loaded model in its worker and projects the lanes.
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

test('the cost panel measures the loaded model by tree size and projects the lanes from its calibration', async () => {
  const { page, errors } = await openPage(browser, app.url, '?backend=wasm');
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
