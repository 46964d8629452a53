import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, test } from 'vitest';
import { localFolderSource, pickedFolder } from './files.js';
import { loadModel } from './package.js';

const FIXTURE = new URL('../../fixtures/model-tiny/', import.meta.url).pathname;

/** The Files `<input webkitdirectory>` gives for a folder: each with its path under the folder's own name. */
function pick(folder: string, name = 'model-tiny', change: (path: string, bytes: Uint8Array) => Uint8Array | null = (_, b) => b): File[] {
  const files: File[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const path = relative(folder, full);
      const bytes = change(path, new Uint8Array(readFileSync(full)));
      if (!bytes) continue;
      const file = new File([bytes as Uint8Array<ArrayBuffer>], entry);
      Object.defineProperty(file, 'webkitRelativePath', { value: `${name}/${path}` });
      files.push(file);
    }
  };
  walk(folder);
  return files;
}

describe('a package from a folder the person picked', () => {
  test('paths lose the top folder, whatever its name', () => {
    const folder = pickedFolder(pick(FIXTURE, 'my copy'));
    expect(folder.name).toBe('my copy');
    const paths = folder.files.map((f) => f.path);
    expect(paths).toContain('model.json');
    expect(paths).toContain('transformers.js/onnx/encoder_model_quantized.onnx');
    expect(paths.some((p) => p.startsWith('my copy'))).toBe(false);
  });

  test('loads and runs like the folder on disk, with progress over its Files', async () => {
    const source = localFolderSource(pickedFolder(pick(FIXTURE)));
    expect(source.location).toBe('model-tiny/');
    const loaded: number[] = [];
    const model = await loadModel(source, ort, { quantization: 'int8', onProgress: (e) => e.phase === 'download' && loaded.push(e.loaded) });
    expect(model.manifest.id).toBe('verispec-tiny-fixture');
    expect(loaded.at(-1)).toBeGreaterThan(0);
    expect(loaded.every((n, i) => i === 0 || n >= loaded[i - 1]!)).toBe(true);
    const prompt = await model.sessions.prompt(model.tokenizer.encodeSpec('a counter'));
    prompt.dispose();
    await model.sessions.release();
  });

  test('a folder without model.json, or without a file it lists, says what is missing before reading any graph', async () => {
    const none = localFolderSource(pickedFolder(pick(FIXTURE, 'downloads', (path, b) => (path === 'model.json' ? null : b))));
    await expect(loadModel(none, ort)).rejects.toMatchObject({ code: 'bad-manifest', message: 'the folder downloads has no model.json: open the folder that holds the package\'s model.json' });
    // The parent of the package: model.json is one level down.
    const parent = pickedFolder(pick(FIXTURE, 'models')).files.map((f) => ({ ...f, path: `model-tiny/${f.path}` }));
    await expect(loadModel(localFolderSource({ name: 'models', files: parent }), ort)).rejects.toMatchObject({ code: 'bad-manifest', message: expect.stringContaining('there is one in models/model-tiny/: open that folder') });
    const lacking = localFolderSource(pickedFolder(pick(FIXTURE, 'model-tiny', (path, b) => (path.startsWith('decoder_step.int8') || path === 'encoder.int8.onnx' ? null : b))));
    await expect(loadModel(lacking, ort)).rejects.toMatchObject({
      code: 'missing-file', message: 'model-tiny/ lacks encoder.int8.onnx, decoder_step.int8.onnx, which its model.json lists: copy the whole package folder',
    });
    // Another quantization of the same folder needs neither.
    const q4 = await loadModel(lacking, ort, { quantization: 'q4' });
    await q4.sessions.release();
  });

  test('a changed file is still caught by its sha256', async () => {
    const changed = localFolderSource(pickedFolder(pick(FIXTURE, 'model-tiny', (path, b) => {
      if (path !== 'tokenizer.json') return b;
      const copy = b.slice();
      copy[10] = copy[10]! ^ 1;
      return copy;
    })));
    await expect(loadModel(changed, ort)).rejects.toMatchObject({ code: 'file-mismatch', message: expect.stringMatching(/^model-tiny\/tokenizer.json: sha256/) });
  });
});
