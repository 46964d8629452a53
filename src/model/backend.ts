import type { InferenceSession } from 'onnxruntime-common';
import { VeriSpecError } from './errors.js';
import type { FileSource } from './files.js';
import { loadModel, type LoadedModel, type LoadOptions } from './package.js';
import type { OrtModule } from './session.js';

/** What the person asked for; `auto` is WebGPU where the browser has it, else WASM. */
export type BackendPreference = 'auto' | 'webgpu' | 'wasm';
export type BackendName = 'webgpu' | 'wasm';

export interface BrowserModel {
  model: LoadedModel;
  backend: BackendName;
  /** Why `auto` did not get WebGPU, when it did not. */
  fallback?: string;
}

/** The onnxruntime-web module and its `env` (threads are set from cross-origin isolation). */
export interface OrtWebModule extends OrtModule {
  env: { wasm: { numThreads?: number } };
}

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

/** Null when WebGPU can run here, else the reason it cannot. */
export async function webgpuUnavailable(nav: GpuNavigator = globalThis.navigator as GpuNavigator): Promise<string | null> {
  if (!nav?.gpu) return 'this browser has no WebGPU (navigator.gpu is missing)';
  try {
    return (await nav.gpu.requestAdapter()) ? null : 'WebGPU found no adapter (no usable GPU)';
  } catch (error) {
    return `WebGPU adapter request failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function sessionOptions(backend: BackendName): InferenceSession.SessionOptions {
  return { executionProviders: [backend], graphOptimizationLevel: 'all' };
}

/**
 * Loads a package for the page: WebGPU first (KV cache kept in GPU buffers),
 * WASM when WebGPU is missing or refuses the graphs. An explicit `webgpu`
 * never falls back silently: it fails with `no-webgpu` or the graph error.
 */
export async function loadBrowserModel(source: FileSource, ort: OrtWebModule, preference: BackendPreference, options: Omit<LoadOptions, 'sessionOptions' | 'deviceResident'> = {}): Promise<BrowserModel> {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 1;
  // WASM threads need SharedArrayBuffer, which needs cross-origin isolation.
  ort.env.wasm.numThreads = isolated ? Math.max(1, Math.min(4, cores)) : 1;
  const wasm = () => loadModel(source, ort, { ...options, sessionOptions: sessionOptions('wasm') });
  if (preference === 'wasm') return { model: await wasm(), backend: 'wasm' };

  const missing = await webgpuUnavailable();
  if (missing) {
    if (preference === 'webgpu') throw new VeriSpecError('no-webgpu', `${missing}; choose the WASM backend`);
    return { model: await wasm(), backend: 'wasm', fallback: missing };
  }
  try {
    return { model: await loadModel(source, ort, { ...options, sessionOptions: sessionOptions('webgpu'), deviceResident: true }), backend: 'webgpu' };
  } catch (error) {
    // A bad package is bad on every backend: only a graph WebGPU refuses is worth a WASM retry.
    if (preference === 'webgpu' || !(error instanceof VeriSpecError && error.code === 'bad-graph')) throw error;
    return { model: await wasm(), backend: 'wasm', fallback: `WebGPU refused the model (${error.message})` };
  }
}
