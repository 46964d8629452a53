import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: the runtimes' WebAssembly and the page's code (the model files are packed weights already). */
const COMPRESSIBLE = /\.(wasm|js|mjs|css|svg)$/;
const TYPES: Record<string, string> = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * Brotli copies of the built assets (`assets/*.br`, written after the build)
 * and, in `vite preview` (`npm start`), serving them to browsers that accept
 * br: onnxruntime-web's and yosys's .wasm shrink about 4x on the wire. A
 * static host serves the same files with `Content-Encoding: br`.
 */
export function precompress(headers: Record<string, string>): Plugin {
  let outDir = 'dist';
  return {
    name: 'verispec-precompress',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      if (!existsSync(assets)) return;
      for (const name of readdirSync(assets)) {
        const file = join(assets, name);
        if (!COMPRESSIBLE.test(name) || statSync(file).size < 1024) continue;
        // Quality 6: most of the gain of 11 in a fraction of its time (the .wasm files are 58 MB).
        writeFileSync(`${file}.br`, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }));
      }
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
        const accepts = String(req.headers['accept-encoding'] ?? '').includes('br');
        const file = normalize(join(outDir, path));
        if (!accepts || !path.startsWith('/assets/') || !file.startsWith(normalize(outDir)) || !existsSync(`${file}.br`)) return next();
        const body = readFileSync(`${file}.br`);
        res.writeHead(200, {
          ...headers, 'Content-Encoding': 'br', 'Content-Length': String(body.byteLength), Vary: 'Accept-Encoding',
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=31536000, immutable',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
  };
}
