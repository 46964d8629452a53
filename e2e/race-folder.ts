// A package opened from a folder on this computer, as a person does with "Open folder…": the page in
// Chromium (WASM) loads it, races the three lanes once, and prints the load time, the renderer's
// memory and each lane's numbers; with --shots DIR, screenshots of the loaded page and the race.
//   npm run race:folder -- [--max-tokens N] [--shots DIR] PACKAGE_DIR
import { resolve } from 'node:path';
import { finishRace, LANES, launchChromium, openPage, rendererRssBytes, startPreview } from './harness.js';

const SPEC = 'A 4-bit up counter with synchronous reset and enable. Module cnt4, ports clk, rst, en, q[3:0].';
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const maxTokens = option('--max-tokens') ?? '64';
const shots = option('--shots');
if (args.length !== 1) throw new Error('usage: npm run race:folder -- [--max-tokens N] [--shots DIR] PACKAGE_DIR');
const folder = resolve(args[0]!);
const mb = () => `${(rendererRssBytes() / 2 ** 20).toFixed(0)} MB`;

const app = await startPreview();
const browser = await launchChromium();
try {
  const { page, errors } = await openPage(browser, app.url, '?backend=wasm', { viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  await page.getByLabel('Open a model package folder').setInputFiles(folder);
  const status = page.getByTestId('model-status');
  await page.locator('[data-testid="model-status"][data-status="ready"] [data-testid="local-model"], [data-testid="model-status"][data-status="failed"]')
    .waitFor({ timeout: 600_000 });
  if ((await status.getAttribute('data-status')) !== 'ready') throw new Error(`${folder}: ${await status.textContent()}`);
  console.log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${(await status.innerText()).replace(/\s*\n\s*/g, '; ')}`);
  console.log(`renderer memory after loading: ${mb()}`);
  if (shots) await page.screenshot({ path: `${shots}/folder-loaded.png` });
  await page.getByLabel('Spec', { exact: true }).fill(SPEC);
  await page.getByLabel('Max tokens', { exact: true }).fill(maxTokens);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const texts = await finishRace(page, 600_000);
  console.log(`renderer memory after the race: ${mb()}`);
  for (const lane of LANES) {
    const stats = (await page.getByTestId(`lane-${lane}`).innerText()).split('\n').find((line) => line.includes('tok/s'));
    console.log(`${lane}: ${stats ?? '(no numbers)'}; ${texts[lane]!.length} characters of code`);
  }
  if (shots) await page.screenshot({ path: `${shots}/folder-race.png`, fullPage: true });
  if (errors.length) console.log(`console errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  await app.close();
}
