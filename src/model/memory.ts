import { VeriSpecError } from './errors.js';
import { quantizationGraphs, type ModelManifest } from './manifest.js';

const MIB = 2 ** 20;
/** onnxruntime-web's WebAssembly memory is 32-bit: at most 4 GiB, however much the machine has. */
export const WASM_MEMORY_LIMIT = 4 * 2 ** 30;
/** What onnxruntime-web's runtime holds before its first session (measured: 16 MiB). */
export const RUNTIME_BASE_BYTES = 16 * MIB;

/**
 * WebAssembly memory one session takes per byte of its graph: at its peak
 * while onnxruntime creates it, and what stays once created. Measured with
 * onnxruntime-web 1.30 (WASM, optimisation level `all`) on the shipped
 * package and on synthetic graphs of 40-128 MiB: a 72 MiB int8 graph grew
 * the heap by 1150 MiB, and a second one by 450 MiB more. int8 graphs are
 * dequantized at load (the Cast/Mul of constants is folded into fp32
 * weights, which MLAS then packs again); q4 (MatMulNBits) stays 4-bit.
 * The heap grows in large steps, so a small graph's growth overstates its
 * peak: a CodeT5p-220m-shaped package (393 MiB of int8 graphs, the largest
 * 180 MiB) loads and runs on WASM (`verispec bench --cost --backend wasm`:
 * process RSS +3.6 GB, under the 4 GiB heap), which an int8 peak of 16 would
 * refuse; 10 keeps it, and still refuses a 770M-shaped one.
 */
export const SESSION_MEMORY: Readonly<Record<string, { peak: number; resident: number }>> = {
  int8: { peak: 10, resident: 6 },
  fp32: { peak: 3.1, resident: 2.2 },
  q4: { peak: 2.2, resident: 1.3 },
};
/** A quantization not measured (fp16, say): fp32's factors, so a refusal errs towards trying. */
const UNMEASURED = SESSION_MEMORY.fp32!;

export interface LoadEstimate {
  quantization: string;
  /** Bytes of the graphs this load creates sessions from. */
  graphBytes: number;
  /** WebAssembly memory at the peak of session creation. */
  wasmBytes: number;
  /** wasmBytes plus the graphs' bytes, which the page holds until the sessions exist. */
  totalBytes: number;
}

/**
 * What loading `graphs` (paths in model.json) of one quantization needs.
 * Sessions are created one after another and each frees its transient
 * memory for the next; at worst the largest comes last, with all the
 * others resident.
 */
export function estimateLoad(manifest: ModelManifest, quantization: string, graphs: readonly string[]): LoadEstimate {
  const sizes = graphs.map((path) => manifest.files.find((f) => f.path === path)?.bytes ?? 0);
  const graphBytes = sizes.reduce((a, b) => a + b, 0);
  const largest = Math.max(0, ...sizes);
  const { peak, resident } = SESSION_MEMORY[quantization] ?? UNMEASURED;
  const wasmBytes = Math.round(RUNTIME_BASE_BYTES + resident * (graphBytes - largest) + peak * largest);
  return { quantization, graphBytes, wasmBytes, totalBytes: wasmBytes + graphBytes };
}


/** What this device gives the page to load into. */
export interface MemoryLimit {
  /** The most WebAssembly memory onnxruntime-web can have. */
  wasmBytes: number;
  /** navigator.deviceMemory (GiB, rounded down to a power of two; Chrome says at most 8), where the browser tells. */
  deviceMemoryGiB?: number;
}

/** The limits of the browser this runs in (a window or a worker). */
export function browserMemoryLimit(nav: { deviceMemory?: number } | undefined = globalThis.navigator as { deviceMemory?: number } | undefined): MemoryLimit {
  const reported = nav?.deviceMemory;
  return { wasmBytes: WASM_MEMORY_LIMIT, ...(typeof reported === 'number' && reported > 0 ? { deviceMemoryGiB: reported } : {}) };
}

/**
 * The memory a small device lets one page use: half of what it reports.
 * Chrome reports at most 8 (GiB) whatever the machine has, so 8 means "8 or
 * more" and sets no limit beyond WebAssembly's own.
 */
function deviceBudget(limit: MemoryLimit): number | undefined {
  const gib = limit.deviceMemoryGiB;
  return gib !== undefined && gib < 8 ? (gib * 2 ** 30) / 2 : undefined;
}

const mib = (bytes: number) => `${Math.round(bytes / MIB).toLocaleString('en')} MiB`;

/** Why the load cannot fit, or null when it may. */
export function memoryShortfall(estimate: LoadEstimate, limit: MemoryLimit): string | null {
  const graphs = `this package's ${estimate.quantization} graphs are ${mib(estimate.graphBytes)}`;
  if (estimate.wasmBytes > limit.wasmBytes) {
    return `${graphs}; creating their sessions needs about ${mib(estimate.wasmBytes)} of WebAssembly memory, and the WASM backend can hold about ${mib(limit.wasmBytes)} (onnxruntime-web's memory is 32-bit, whatever this machine has)`;
  }
  const budget = deviceBudget(limit);
  if (budget !== undefined && estimate.totalBytes > budget) {
    return `${graphs}; loading them needs about ${mib(estimate.totalBytes)} of memory, and this device reports ${limit.deviceMemoryGiB} GiB (navigator.deviceMemory), of which a page can count on about ${mib(budget)}`;
  }
  return null;
}

/** The other quantizations of the package that would fit, for the advice. */
function alternatives(manifest: ModelManifest, estimate: LoadEstimate, limit: MemoryLimit): string {
  const fit = Object.keys(manifest.quantizations)
    .filter((q) => q !== estimate.quantization)
    .map((q) => estimateLoad(manifest, q, quantizationGraphs(manifest, q)))
    .filter((e) => memoryShortfall(e, limit) === null);
  if (fit.length) return `; its ${fit.map((e) => `${e.quantization} graphs (about ${mib(e.wasmBytes)})`).join(' or ')} would fit: choose that quantization`;
  return '; a smaller model or quantization would';
}

/** Refuses, before anything is downloaded, a load this device cannot hold. */
export function checkMemory(manifest: ModelManifest, estimate: LoadEstimate, limit: MemoryLimit): void {
  const why = memoryShortfall(estimate, limit);
  if (why) throw new VeriSpecError('out-of-memory', `too large for this device: ${why}${alternatives(manifest, estimate, limit)}`);
}

/** onnxruntime's, WebAssembly's and the browser's ways of saying memory ran out. */
const OUT_OF_MEMORY = /Aborted\(OOM\)|out of memory|bad_alloc|WebAssembly\.Memory|Array buffer allocation failed|failed to allocate|Maximum memory size exceeded|Cannot enlarge memory/i;

export function isOutOfMemory(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return OUT_OF_MEMORY.test(message);
}

/** An out-of-memory failure while creating sessions, with what the load needed and what there was. */
export function outOfMemoryError(cause: string, estimate: LoadEstimate, limit: MemoryLimit): VeriSpecError {
  const budget = deviceBudget(limit);
  const room = budget !== undefined ? `this device can give a page about ${mib(Math.min(budget, limit.wasmBytes))}` : `the WASM backend can hold about ${mib(limit.wasmBytes)}`;
  return new VeriSpecError('out-of-memory', `${cause}: this package's ${estimate.quantization} graphs are ${mib(estimate.graphBytes)} and creating their sessions needs about ${mib(estimate.wasmBytes)} of memory; ${room}, less what the browser already uses. Close other tabs, or choose a smaller quantization or model`);
}
