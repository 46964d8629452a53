// The race in the page, as a person runs it: Chromium (headless), WASM, "Best of" N, on the first
// held-out specs `verispec bench` uses. Prints each lane's mean decode tokens/s and speedup.
//   npm run bench:browser -- [PROMPTS=5] [BEST_OF=3]
import { benchPrompts } from '../src/cli/bench.js';
import { launchChromium, startPreview } from './harness.js';

const [count = '5', bestOf = '3'] = process.argv.slice(2);
const app = await startPreview();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${app.url}?backend=wasm`);
  await page.locator('[data-testid="model-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
  await page.getByLabel('Best of', { exact: true }).fill(bestOf);
  await page.getByLabel('Max tokens', { exact: true }).fill('256');
  const lanes: Record<string, { decode: number[]; speedup: number[]; accepted: number[] }> = {};
  for (const prompt of benchPrompts(Number(count))) {
    await page.getByLabel('Spec', { exact: true }).fill(prompt.spec);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-testid="lane-ntp"][data-status="running"]').waitFor();
    await page.getByTestId('outcome').waitFor({ timeout: 600_000 });
    for (const lane of ['ntp', 'medusa', 'syntax']) {
      const row = page.getByTestId(`outcome-${lane}`);
      // Columns: place, lane, time, tok/s, speedup, first token, decode tok/s, accepted/step, steps, tokens.
      const cells = await row.locator('td').allTextContents();
      const r = (lanes[lane] ??= { decode: [], speedup: [], accepted: [] });
      r.decode.push(Number(cells[6]));
      r.accepted.push(Number(cells[7]));
      r.speedup.push(Number(await row.getAttribute('data-speedup')));
    }
    console.error(`${prompt.id}: ${Object.entries(lanes).map(([l, r]) => `${l} ${r.decode.at(-1)} tok/s`).join(', ')}`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ntp = mean(lanes.ntp!.decode);
  // "decode speedup" is `verispec bench`'s measure (mean decode tokens/s over NTP's), for the side-by-side;
  // "page speedup" is the page's own verdict (tokens/s over the whole time, first token included), averaged.
  console.log(`Chromium, WASM, best of ${bestOf}, ${count} held-out specs (the first of \`verispec bench\`'s):\n\n| lane | decode tok/s | decode speedup | page speedup | accepted/step |\n| --- | --- | --- | --- | --- |`);
  for (const [l, r] of Object.entries(lanes)) console.log(`| ${l} | ${mean(r.decode).toFixed(1)} | ${(mean(r.decode) / ntp).toFixed(2)}x | ${mean(r.speedup).toFixed(2)}x | ${mean(r.accepted).toFixed(2)} |`);
} finally {
  await browser.close();
  await app.close();
}
