import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Serves the built app (dist/) with `vite preview` on a free localhost port. */
export async function startPreview(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
}

/**
 * Debian's Chromium, headless, with the flags this network needs (no
 * background connections); WebGPU on SwiftShader when asked.
 */
export function launchChromium(options: { webgpu?: boolean } = {}): Promise<Browser> {
  const args = [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic',
  ];
  if (options.webgpu) args.push('--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
  });
}

/** Module scripts and WebAssembly need their own MIME types; everything else is bytes. */
const CONTENT_TYPES: Record<string, string> = { mjs: 'text/javascript', js: 'text/javascript', wasm: 'application/wasm', html: 'text/html', json: 'application/json' };

/**
 * Serves a folder on another localhost port, as a model package host would:
 * with CORS, so the cross-origin-isolated page may fetch from it. Paths in
 * `overrides` answer with the given status and body instead (404s, garbage).
 */
export async function serveFolder(folder: string, overrides: Record<string, { status: number; body: string }> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    const override = overrides[path];
    if (override) {
      res.writeHead(override.status, headers).end(override.body);
      return;
    }
    const file = normalize(join(folder, path));
    if (!file.startsWith(normalize(folder))) {
      res.writeHead(403, headers).end();
      return;
    }
    readFile(file).then(
      (bytes) => res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream' }).end(bytes),
      () => res.writeHead(404, headers).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A lane's whole code (the Monaco view virtualises its lines; the text is on the element). */
export async function laneCode(page: Page, lane: string): Promise<string> {
  return (await page.getByTestId(`code-${lane}`).getAttribute('data-text')) ?? '';
}

/**
 * A field's value once it equals `expected`, or its last value after `timeout` ms: a link or an
 * event updates the page asynchronously, so a value read right after a click may still be the old one.
 */
export async function settledValue(field: Locator, expected: string, timeout = 10_000): Promise<string> {
  const until = Date.now() + timeout;
  let value = await field.inputValue();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await field.inputValue();
  }
  return value;
}

export const LANES = ['ntp', 'medusa', 'syntax'] as const;

/**
 * The page at `path` (on the app at `appUrl`), once its model is ready (or,
 * with `ready: false`, once loading ended either way); one
 * race per Run unless `bestOf` says otherwise. Console errors are collected,
 * and the page's layout shifts summed (window.__cls: CLS, shifts that follow
 * an input excluded, as the metric does).
 */
export async function openPage(browser: Browser, appUrl: string, path: string, options: { viewport?: { width: number; height: number }; bestOf?: number | 'default'; colorScheme?: 'light' | 'dark'; ready?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const bestOf = options.bestOf ?? 1;
  if (bestOf !== 'default') path += `${path.includes('?') ? '&' : '?'}bestOf=${bestOf}`;
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 1000 }, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${appUrl}${path}`);
  const settled = options.ready === false ? ':not([data-status="loading"]):not([data-status="idle"])' : '[data-status="ready"]';
  await page.locator(`[data-testid="model-status"]${settled}`).waitFor({ timeout: 90_000 });
  return { page, errors };
}

/** Waits for a race's outcome; each lane's code. */
export async function finishRace(page: Page, timeout = 120_000): Promise<Record<string, string>> {
  await page.getByTestId('outcome').waitFor({ timeout });
  const texts: Record<string, string> = {};
  for (const lane of LANES) texts[lane] = await laneCode(page, lane);
  return texts;
}

/** Resident memory of Chromium's renderer processes (the page and its worker), from /proc: Linux only. */
export function rendererRssBytes(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}
