import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VeriSpecError } from './errors.js';
import type { OrtWebModule } from './backend.js';

/**
 * WebGPU in Node: Dawn (the optional `webgpu` package) as `navigator.gpu`,
 * under onnxruntime-web's JSEP build, so the CLI runs the page's WebGPU code
 * path on any GPU with a Vulkan driver (or on SwiftShader: correctness, not
 * speed).
 */

export interface NodeWebgpu {
  ort: OrtWebModule;
  /** The adapter, in words ("nvidia / NVIDIA H200 (Vulkan)"). */
  adapter: string;
  /** Whether it is a software renderer (SwiftShader, lavapipe): correctness, not speed. */
  software: boolean;
}

interface DawnModule {
  create(options: string[]): { requestAdapter(): Promise<DawnAdapter | null> };
  globals: Record<string, unknown>;
}

interface DawnAdapter {
  info?: { vendor?: string; architecture?: string; description?: string; device?: string; isFallbackAdapter?: boolean };
}

type WriteBuffer = (buffer: unknown, offset: number, data: ArrayBufferView | ArrayBufferLike, dataOffset?: number, size?: number) => void;

/**
 * Dawn for Node refuses views of a SharedArrayBuffer ("no overload matched
 * for writeBuffer"), and onnxruntime-web's WASM memory is one (its build is
 * the threaded one, whatever numThreads says): hand Dawn a copy. Element
 * offsets and sizes keep their meaning, since the copy is the same kind of array.
 */
function copySharedWrites(queuePrototype: { writeBuffer: WriteBuffer }): void {
  const original = queuePrototype.writeBuffer;
  if ((original as { verispecCopies?: boolean }).verispecCopies) return;
  const patched: WriteBuffer = function (this: unknown, buffer, offset, data, dataOffset, size) {
    let own = data;
    if (ArrayBuffer.isView(data) && !(data.buffer instanceof ArrayBuffer)) own = (data as Uint8Array).slice();
    else if (!ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer)) own = new Uint8Array(data).slice().buffer;
    return original.call(this, buffer, offset, own, dataOffset, size);
  };
  (patched as { verispecCopies?: boolean }).verispecCopies = true;
  queuePrototype.writeBuffer = patched;
}

let installed: Promise<NodeWebgpu> | undefined;

/** Installs Dawn's WebGPU as `navigator.gpu` (once) and loads onnxruntime-web's WebGPU build. Typed errors say why not. */
export function nodeWebgpu(): Promise<NodeWebgpu> {
  installed ??= install();
  installed.catch(() => { installed = undefined; });
  return installed;
}

async function install(): Promise<NodeWebgpu> {
  let dawn: DawnModule;
  try {
    dawn = (await import('webgpu')) as unknown as DawnModule;
  } catch (error) {
    throw new VeriSpecError('no-webgpu', `WebGPU in Node needs the optional 'webgpu' package (Dawn), which did not load: ${(error as Error).message.split('\n')[0]}; run 'npm install webgpu' or use --backend node`);
  }
  // Vulkan's loader prints an "error" about an unset XDG_RUNTIME_DIR (common on servers); it needs none.
  process.env.XDG_RUNTIME_DIR ??= tmpdir();
  const gpu = dawn.create([]);
  const adapter = await gpu.requestAdapter();
  if (!adapter) {
    const hint = process.env.VK_ICD_FILENAMES
      ? `VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES} gave none`
      : "no Vulkan driver found one (install the GPU's Vulkan driver and libvulkan1; without a GPU, VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json runs SwiftShader, slowly)";
    throw new VeriSpecError('no-webgpu', `WebGPU found no adapter: ${hint}; use --backend node`);
  }
  Object.assign(globalThis, dawn.globals);
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  copySharedWrites((dawn.globals.GPUQueue as { prototype: { writeBuffer: WriteBuffer } }).prototype);

  // The JSEP build (dist/ort.min.mjs) runs WebGPU with Dawn; the package's `node` export has no
  // WebGPU, and dist/ort.webgpu.min.mjs fails in Dawn's writeBuffer ("Invalid argument").
  const dist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
  const ort = (await import(pathToFileURL(join(dist, 'ort.min.mjs')).href)) as OrtWebModule & { env: { wasm: { wasmPaths?: string; wasmBinary?: Uint8Array } } };
  // A browser build: it would fetch() its .wasm, which Node cannot do from a file. Hand it the bytes.
  ort.env.wasm.wasmPaths = pathToFileURL(`${dist}/`).href;
  ort.env.wasm.wasmBinary = new Uint8Array(await readFile(join(dist, 'ort-wasm-simd-threaded.jsep.wasm')));
  // Threads would make it fetch() its worker script. The heads are all that runs on WASM (the
  // decoder step runs on the GPU), and they are small.
  ort.env.wasm.numThreads = 1;
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description || info.device].filter(Boolean).join(' / ') || 'unnamed adapter';
  const software = Boolean(info.isFallbackAdapter) || /swiftshader|llvmpipe|lavapipe|software/i.test(name);
  return { ort, adapter: name, software };
}
