import type { InferenceSession } from 'onnxruntime-common';
import { VeriSpecError } from './errors.js';
import type { FileSource } from './files.js';
import type { ModelManifest } from './manifest.js';
import { browserMemoryLimit } from './memory.js';
import { loadModel, readManifest, type LoadedModel, type LoadOptions } from './package.js';
import { forwardOnly } from './progress.js';
import type { OrtModule } from './session.js';

/** What the person asked for; `auto` is WebGPU where the browser has it, else WASM. */
export type BackendPreference = 'auto' | 'webgpu' | 'wasm';
export type BackendName = 'webgpu' | 'wasm';

export interface BrowserModel {
  model: LoadedModel;
  backend: BackendName;
  /** Why `auto` did not get WebGPU, when it did not. */
  fallback?: string;
  /** Why the asked-for quantization was not used (the package has no such graphs). */
  notice?: string;
}

/** The onnxruntime-web module and its `env` (threads are set from cross-origin isolation). */
export interface OrtWebModule extends OrtModule {
  env: { wasm: { numThreads?: number } };
}

interface GpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<GpuAdapter | null> };
}

type GpuAdapter = { info?: GpuAdapterInfo; isFallbackAdapter?: boolean };

/** What one adapter request says: why WebGPU cannot run here, or why its adapter is a CPU in disguise. */
async function probeWebgpu(nav: GpuNavigator | undefined): Promise<{ missing: string | null; software: string | null }> {
  if (!nav?.gpu) return { missing: 'this browser has no WebGPU (navigator.gpu is missing)', software: null };
  let adapter: GpuAdapter | null;
  try {
    adapter = await nav.gpu.requestAdapter();
  } catch (error) {
    return { missing: `WebGPU adapter request failed: ${error instanceof Error ? error.message : String(error)}`, software: null };
  }
  if (!adapter) return { missing: 'WebGPU found no adapter (no usable GPU)', software: null };
  const info = adapter.info ?? {};
  const name = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`.toLowerCase();
  const software = adapter.isFallbackAdapter || info.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|software/.test(name)
    ? `WebGPU runs on a software renderer here (${(info.architecture || info.vendor || 'fallback adapter').trim()}), where WASM is many times faster; choose WebGPU to use it anyway`
    : null;
  return { missing: null, software };
}

/** Why the adapter is a CPU in disguise (SwiftShader, a fallback adapter), or null for a real GPU (or none). */
export async function softwareAdapter(nav: GpuNavigator = globalThis.navigator as GpuNavigator): Promise<string | null> {
  return (await probeWebgpu(nav)).software;
}

/** Null when WebGPU can run here, else the reason it cannot. */
export async function webgpuUnavailable(nav: GpuNavigator = globalThis.navigator as GpuNavigator): Promise<string | null> {
  return (await probeWebgpu(nav)).missing;
}

/**
 * The quantizations onnxruntime-web 1.30's WebGPU kernels run, best first.
 * int8 weights are rebuilt by constant Cast/Mul/Reshape that onnxruntime
 * folds at load, so WebGPU computes with fp32 weights. 8-bit MatMulNBits
 * (older int8 packages) is refused ("Only 2b and 4b"); uint8 embedding
 * tables, as onnxruntime's Gather quantization writes them, gave wrong
 * numbers, so our packages store them in fp16.
 */
export const WEBGPU_QUANTIZATIONS = ['fp32', 'int8', 'q4'] as const;

/** The quantization WebGPU should run, or why this package has none for it. */
export function webgpuQuantization(manifest: ModelManifest, asked: string | undefined): { quantization?: string; refused?: string } {
  if (asked) return { quantization: asked };
  const usable = WEBGPU_QUANTIZATIONS.find((q) => q in manifest.quantizations);
  if (usable) return { quantization: usable };
  return { refused: `this package has only ${Object.keys(manifest.quantizations).join(' / ')} graphs; onnxruntime-web's WebGPU kernels run ${WEBGPU_QUANTIZATIONS.join(' or ')}` };
}

/** On WebGPU a bigger KV page: attending to spare slots costs little there, a new buffer shape costs more. */
export const WEBGPU_KV_PAGE = 256;

function sessionOptions(backend: BackendName): InferenceSession.SessionOptions {
  // Severity 3 (errors only): onnxruntime's node-placement warnings are expected here and
  // would reach the console as errors.
  return { executionProviders: [backend], graphOptimizationLevel: 'all', logSeverityLevel: 3 };
}

/** How a package loads on WebGPU, in the page and in the CLI alike. */
export function webgpuLoadOptions(options: Omit<LoadOptions, 'manifest'>, manifest: ModelManifest, quantization: string | undefined): LoadOptions {
  // The heads read one hidden state the step already brought back to the CPU and return a few
  // ids: WASM serves them without a GPU round trip.
  return { ...options, manifest, quantization, sessionOptions: sessionOptions('webgpu'), graphOptions: { heads: sessionOptions('wasm') }, deviceResident: true, reuseOutputs: true, kvPage: options.kvPage ?? WEBGPU_KV_PAGE };
}

/**
 * Loads a package for the page: WebGPU first (KV cache kept in GPU buffers),
 * WASM when WebGPU is missing or refuses the graphs, saying why (`fallback`).
 * An explicit `webgpu` also runs WASM, with the reason, where the browser has
 * no WebGPU at all (a link shared from another machine still works); on an
 * adapter it uses WebGPU even when software, and fails on a graph error.
 */
export async function loadBrowserModel(source: FileSource, ort: OrtWebModule, preference: BackendPreference, options: Omit<LoadOptions, 'sessionOptions' | 'graphOptions' | 'deviceResident' | 'reuseOutputs' | 'manifest'> = {}): Promise<BrowserModel> {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? 1;
  // WASM threads need SharedArrayBuffer, which needs cross-origin isolation.
  ort.env.wasm.numThreads = isolated ? Math.max(1, Math.min(4, cores)) : 1;
  // A bad package is bad on every backend: read model.json once, before choosing.
  const manifest = await readManifest(source);
  // One bar over both attempts (WebGPU, then WASM) that never goes back; sessions that cannot fit are refused up front.
  options = { ...options, onProgress: forwardOnly(options.onProgress), memory: options.memory ?? browserMemoryLimit() };
  // A quantization from a link or an old setting that this package lacks: its default, said aloud.
  let notice: string | undefined;
  if (options.quantization && !(options.quantization in manifest.quantizations)) {
    notice = `this package has no ${options.quantization} graphs (it has ${Object.keys(manifest.quantizations).join(', ')}); using ${manifest.default_quantization}`;
    options = { ...options, quantization: undefined };
  }
  const chosen = await pickBackend(source, ort, preference, manifest, options);
  return notice ? { ...chosen, notice } : chosen;
}

async function pickBackend(source: FileSource, ort: OrtWebModule, preference: BackendPreference, manifest: ModelManifest, options: Omit<LoadOptions, 'sessionOptions' | 'graphOptions' | 'deviceResident' | 'reuseOutputs' | 'manifest'>): Promise<BrowserModel> {
  const wasm = () => loadModel(source, ort, { ...options, manifest, sessionOptions: sessionOptions('wasm') });
  if (preference === 'wasm') return { model: await wasm(), backend: 'wasm' };

  const { missing, software: softwareReason } = await probeWebgpu(globalThis.navigator as GpuNavigator);
  if (missing) {
    return { model: await wasm(), backend: 'wasm', fallback: preference === 'webgpu' ? `WebGPU was asked for, but ${missing}` : missing };
  }
  if (preference === 'auto' && softwareReason) return { model: await wasm(), backend: 'wasm', fallback: softwareReason };
  try {
    const { quantization, refused } = webgpuQuantization(manifest, options.quantization);
    if (refused) {
      if (preference === 'webgpu') throw new VeriSpecError('no-webgpu', `${refused}; choose the WASM backend, or ask for a quantization to try it anyway`);
      return { model: await wasm(), backend: 'wasm', fallback: refused };
    }
    return { model: await loadModel(source, ort, webgpuLoadOptions(options, manifest, quantization)), backend: 'webgpu' };
  } catch (error) {
    // A bad package is bad on every backend: only a graph WebGPU refuses is worth a WASM retry.
    if (preference === 'webgpu' || !(error instanceof VeriSpecError && error.code === 'bad-graph')) throw error;
    return { model: await wasm(), backend: 'wasm', fallback: `WebGPU refused the model (${error.message})` };
  }
}
