import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { urlSource } from '../model/files.js';
import { folderSource } from '../model/node-files.js';
import { loadModel, type LoadedModel } from '../model/package.js';
import { UsageError } from './usage.js';

/** The backend's name in calibration.json (the page writes its own, e.g. `webgpu`, `wasm`). */
export const NODE_BACKEND = 'onnxruntime-node-cpu';

/** The shipped default model package. */
export const DEFAULT_MODEL = fileURLToPath(new URL('../../public/models/verispec-small/', import.meta.url));

/** A model package from a folder or an http(s) URL, on onnxruntime-node. */
export async function loadCliModel(location: string | undefined, quantization?: string): Promise<LoadedModel> {
  const where = location ?? DEFAULT_MODEL;
  if (!location && !existsSync(`${DEFAULT_MODEL}model.json`)) {
    throw new UsageError(`no model at ${DEFAULT_MODEL}; build it with 'bash train/make-default-model.sh' or pass --model DIR|URL`);
  }
  const source = /^https?:\/\//.test(where) ? urlSource(where) : folderSource(where);
  return loadModel(source, ort, { quantization, sessionOptions: { intraOpNumThreads: 2, graphOptimizationLevel: 'all' } });
}

/**
 * The tree `verispec bench --calibrate` picked for this backend, quantization
 * and head variant, if it ran; else undefined (the variant's default tree).
 */
export async function calibratedTree(location: string | undefined, backend: string, quantization: string, variant: string): Promise<number[][] | undefined> {
  const dir = location ?? DEFAULT_MODEL;
  if (/^https?:\/\//.test(dir)) return undefined;
  try {
    const all = JSON.parse(await readFile(resolve(dir, 'calibration.json'), 'utf8')) as Record<string, { variants?: Record<string, { best?: { choices?: number[][] } }> }>;
    return all[`${backend}/${quantization}`]?.variants?.[variant]?.best?.choices;
  } catch {
    return undefined;
  }
}
