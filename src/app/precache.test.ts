import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precacheList } from '../../vite.precache.js';

describe('precacheList', () => {
  it('lists the page and its code, not model graphs, the runtime .wasm, yosys or compressed copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precache-'));
    const files = [
      'index.html', 'sw.js', 'precache.json', 'assets/index-abc.js', 'assets/index-abc.js.br', 'assets/index-abc.css',
      'assets/web-tree-sitter-x.wasm', 'assets/tree-sitter-verilog.wasm-y.gz', 'assets/ort-wasm-simd-threaded.jsep-z.wasm',
      'assets/yosys.core-q.wasm', 'assets/resources-yosys-r.js', 'assets/cells_sim-s.v',
      'models/verispec-small/model.json', 'models/verispec-small/calibration.json', 'models/verispec-small/encoder.int8.onnx',
      'models/verispec-small/transformers.js/onnx/encoder_model.onnx', 'models/verispec-small/transformers.js/config.json',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), 'x');
    }
    expect(precacheList(dir)).toEqual([
      './', 'assets/index-abc.css', 'assets/index-abc.js', 'assets/tree-sitter-verilog.wasm-y.gz', 'assets/web-tree-sitter-x.wasm',
      'models/verispec-small/calibration.json', 'models/verispec-small/model.json',
    ]);
  });
});
