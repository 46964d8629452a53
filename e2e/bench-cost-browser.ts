// What each package costs in the page, as a person runs it: Chromium (headless), the WASM backend, the
// app's own worker and loader. Per package: load time, the renderer's memory, and the "Cost on this device"
// panel's measurement (encoder, decode step by tree size), with the lanes projected from the trained
// package's tokens per step (public/models/verispec-small/calibration.json, wasm/int8).
//   npm run bench:cost-browser -- [--json FILE] PACKAGE_DIR...
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { calibratedCurves, type CalibrationFile } from '../src/engine/calibrate.js';
import { projectLane, type CostReport } from '../src/engine/cost.js';
import type { CostResult } from '../src/worker/protocol.js';
import { launchChromium, rendererRssBytes, serveFolder, startPreview } from './harness.js';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
if (args.length === 0) throw new Error('usage: npm run bench:cost-browser -- [--json FILE] PACKAGE_DIR...');
const shipped = resolve('public/models/verispec-small');
const curves = calibratedCurves(JSON.parse(readFileSync(resolve(shipped, 'calibration.json'), 'utf8')) as CalibrationFile, 'wasm', 'int8');
if (!curves) throw new Error(`${shipped}/calibration.json has no tokens-per-step curves: run verispec bench --calibrate --backend wasm`);

const app = await startPreview();
const rows: { dir: string; loadToReadyMs: number; rendererRssBytes: number; result: CostResult; projection: Record<string, ReturnType<typeof projectLane>> }[] = [];
try {
  for (const dir of args) {
    const host = await serveFolder(resolve(dir));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const started = Date.now();
      await page.goto(`${app.url}?backend=wasm&model=${encodeURIComponent(host.url)}`);
      // A package from another origin is downloaded only once the person agrees.
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      const status = page.locator('[data-testid="model-status"]');
      await status.and(page.locator('[data-status="ready"], [data-status="failed"]')).waitFor({ timeout: 600_000 });
      if ((await status.getAttribute('data-status')) !== 'ready') throw new Error(`${dir}: ${await status.textContent()}`);
      const loadToReadyMs = Date.now() - started;
      const memory = rendererRssBytes();
      await page.getByText('Cost on this device', { exact: false }).click();
      await page.getByRole('button', { name: 'Measure', exact: true }).click();
      const report = page.getByTestId('cost-report');
      await report.waitFor({ timeout: 600_000 });
      const result = JSON.parse((await report.getAttribute('data-report'))!) as CostResult;
      const projection = Object.fromEntries(Object.entries(curves.curves).map(([lane, curve]) => [lane, projectLane(result.report.steps, curve)]));
      rows.push({ dir, loadToReadyMs, rendererRssBytes: memory, result, projection });
      console.error(`${dir}: ${summary(result.report)}`);
    } finally {
      await browser.close();
      await host.close();
    }
  }
} finally {
  await app.close();
}

function summary(r: CostReport): string {
  return `encoder ${r.encoder.map((e) => `${e.tokens}t ${e.ms.toFixed(1)} ms`).join(', ')}; steps ${r.steps.map((s) => `${s.nodes}n ${s.totalMs.toFixed(2)} ms`).join(', ')}`;
}

const mb = (b: number) => (b / 2 ** 20).toFixed(1);
console.log(`Chromium, WASM, the page's worker; projection from ${curves.key} tokens per step of the shipped model\n`);
console.log('| package | parameters | download MB | worker load s | page ready s | renderer RSS MB | encoder 100 / 500 ms | step ms, 1 / 4 / 12 / 24 nodes | best medusa | best syntax |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const best = (lane: string) => {
    const trees = r.projection[lane]?.trees ?? [];
    const b = trees.reduce<(typeof trees)[number] | undefined>((x, t) => (!x || t.tokensPerSecond > x.tokensPerSecond ? t : x), undefined);
    return b ? `${b.speedup.toFixed(2)}x (${b.nodes} nodes)` : '—';
  };
  console.log(`| ${r.result.modelId} (${r.result.quantization}) | ${(r.result.parameters / 1e6).toFixed(1)}M | ${mb(r.result.bytes)} | ${(r.result.loadMs / 1000).toFixed(1)} | ${(r.loadToReadyMs / 1000).toFixed(1)} | ${mb(r.rendererRssBytes)} | ${r.result.report.encoder.map((e) => e.ms.toFixed(1)).join(' / ')} | ${r.result.report.steps.map((s) => s.totalMs.toFixed(2)).join(' / ')} | ${best('medusa')} | ${best('syntax')} |`);
}
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(rows, null, 1)}\n`);
