import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { urlSource } from './files.js';
import { parseManifest } from './manifest.js';
import { folderSource } from './node-files.js';
import { loadModel } from './package.js';

const FIXTURE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verispec-pkg-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

let server: Server;
let base: string;
beforeAll(async () => {
  // Serves the fixture, and a few broken things beside it.
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (path.startsWith('/garbage/')) return res.end('<html>not a model</html>');
    if (!path.startsWith('/ok/')) return res.writeHead(404).end();
    try {
      res.end(readFileSync(join(FIXTURE, path.slice(4))));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('model packages', () => {
  test('load from a folder and from a URL, with progress', async () => {
    const fromDisk = await loadModel(folderSource(FIXTURE), ort);
    expect(fromDisk.quantization).toBe(fromDisk.manifest.default_quantization);
    const progress: string[] = [];
    const fromUrl = await loadModel(urlSource(`${base}/ok/`), ort, { quantization: 'q4', onProgress: (e) => progress.push(e.file) });
    expect(fromUrl.quantization).toBe('q4');
    expect(progress).toContain('decoder_step.q4.onnx');
    await Promise.all([fromDisk.sessions.release(), fromUrl.sessions.release()]);
  });

  test('a 404, a page that is not a package, and a wrong quantization are clear errors', async () => {
    await expect(loadModel(urlSource(`${base}/missing/`), ort)).rejects.toMatchObject({ code: 'fetch-failed', message: expect.stringContaining('HTTP 404') });
    await expect(loadModel(urlSource(`${base}/garbage/`), ort)).rejects.toMatchObject({ code: 'bad-manifest', message: expect.stringContaining('not JSON') });
    await expect(loadModel(urlSource('http://127.0.0.1:9/'), ort)).rejects.toMatchObject({ code: 'fetch-failed' });
    await expect(loadModel(folderSource(FIXTURE), ort, { quantization: 'fp16' })).rejects.toMatchObject({ code: 'bad-option' });
  });

  test('a truncated or replaced file is caught by its size or sha256', async () => {
    const truncated = copy();
    const step = join(truncated, 'decoder_step.int8.onnx');
    writeFileSync(step, readFileSync(step).subarray(0, 1000));
    await expect(loadModel(folderSource(truncated), ort)).rejects.toMatchObject({ code: 'file-mismatch', message: expect.stringContaining('truncated') });
    const replaced = copy();
    const tok = join(replaced, 'tokenizer.json');
    const bytes = readFileSync(tok);
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(tok, bytes);
    await expect(loadModel(folderSource(replaced), ort)).rejects.toMatchObject({ code: 'file-mismatch', message: expect.stringContaining('sha256') });
    const missing = copy();
    writeFileSync(join(missing, 'model.json'), readFileSync(join(FIXTURE, 'model.json'), 'utf8').replace('"encoder.int8.onnx"', '"encoder.gone.onnx"'));
    await expect(loadModel(folderSource(missing), ort)).rejects.toMatchObject({ code: 'bad-manifest' });
  });

  test('manifest checks name what is wrong', () => {
    const good = JSON.parse(readFileSync(join(FIXTURE, 'model.json'), 'utf8')) as Record<string, unknown>;
    expect(parseManifest(good).id).toBe('verispec-tiny-fixture');
    expect(() => parseManifest({ ...good, format: 'other' })).toThrow(/not a VeriSpec model package/);
    expect(() => parseManifest({ ...good, format_version: 99 })).toThrow(/version 99/);
    expect(() => parseManifest({ ...good, special_tokens: {} })).toThrow(/special_tokens.pad/);
    expect(() => parseManifest([])).toThrow(/not a JSON object/);
  });
});
