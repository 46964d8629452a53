import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';

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
