import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './vite.precompress.js';
import { precache } from './vite.precache.js';

// Cross-origin isolation, so onnxruntime-web can use WASM threads
// (SharedArrayBuffer); the deployed site must send the same two headers.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// yosys's WebAssembly, for its first download's progress (src/synth/yosys.worker.ts).
const yosysDir = 'node_modules/@yowasp/yosys/gen';
const yosysWasmBytes = readdirSync(yosysDir).filter((f) => f.endsWith('.wasm')).reduce((n, f) => n + statSync(join(yosysDir, f)).size, 0);

export default defineConfig({
  define: { __YOSYS_WASM_BYTES__: String(yosysWasmBytes) },
  plugins: [react(), precompress(isolation), precache()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco's editor core (2.2 MB) is its own lazily loaded chunk.
    chunkSizeWarningLimit: 2400,
    rollupOptions: {
      // web-tree-sitter's emscripten glue uses eval by design; nothing to act on.
      onwarn(warning, warn) {
        if (warning.code !== 'EVAL') warn(warning);
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
