import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

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
