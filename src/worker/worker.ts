import * as ort from 'onnxruntime-web';
import { calibratedLaneTrees, calibratedCurves, type CalibrationFile } from '../engine/calibrate.js';
import { measureCost, projectLane } from '../engine/cost.js';
import { race } from '../engine/race.js';
import type { LaneTree } from '../engine/tree.js';
import { specReading } from '../engine/spec-names.js';
import { loadBrowserModel, type BrowserModel, type OrtWebModule } from '../model/backend.js';
import { VeriSpecError } from '../model/errors.js';
import { quantizationBytes } from '../model/manifest.js';
import { browserFileCache } from '../model/browser-cache.js';
import { localFolderSource, urlSource, type FileSource } from '../model/files.js';
import { isOutOfMemory } from '../model/memory.js';
import { wasmRuntimeDownload, type OrtWasmEnv } from '../model/wasm-runtime.js';
// The same file onnxruntime-web's bundle would fetch itself (Vite emits it once).
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import { loadSyntaxBrowser } from '../syntax/browser.js';
import type { VerilogSyntax } from '../syntax/index.js';
import type { CostResult, ModelInfo, WorkerError, WorkerRequest, WorkerResponse } from './protocol.js';
import { trainedOn } from '../model/provenance.js';

// This file is compiled for a dedicated worker; the DOM lib types `self` as a window.
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

let syntax: Promise<VerilogSyntax> | undefined;
let loaded: { model: BrowserModel; info: ModelInfo; calibration: CalibrationFile; loadMs: number } | undefined;
const running = new Map<number, AbortController>();

const post = (message: WorkerResponse) => scope.postMessage(message);

/**
 * Lets queued messages (a `cancel`) in between two steps: onnxruntime-web's
 * runs may resolve as microtasks only, which would starve the message queue.
 * A MessageChannel round trip is a macrotask without setTimeout's clamping.
 */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
const getSyntax = () => (syntax ??= loadSyntaxBrowser());

/** The package's calibration.json (what `verispec bench --calibrate` measured), or {} without one. */
async function calibrationFile(source: FileSource): Promise<CalibrationFile> {
  try {
    return JSON.parse(new TextDecoder().decode(await source.read('calibration.json'))) as CalibrationFile;
  } catch {
    return {};
  }
}

/**
 * A short untimed race of every lane before the first real one: WASM code
 * is optimised and WebGPU shaders compiled for each tree shape, so the
 * first race a person runs is timed like the next (DESIGN: warm up first).
 */
async function warmUp(model: BrowserModel, trees: Record<string, LaneTree>): Promise<void> {
  const s = await getSyntax();
  const medusa = trees.vanilla;
  const syntax = trees.syntax ?? trees.vanilla;
  const lanes = [{ strategy: 'ntp' as const }, { strategy: 'medusa' as const, tree: medusa?.choices, growth: medusa?.growth }, { strategy: 'syntax' as const, tree: syntax?.choices, growth: syntax?.growth }];
  const run = race(model.model, 'module', lanes, { maxNewTokens: 3 }, () => s.completeness());
  for (let next = await run.next(); !next.done; next = await run.next()) await yieldToMessages();
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'segment': {
      const s = await getSyntax();
      const segmentation = s.segment(request.code);
      return post({ id: request.id, type: 'segment', result: { ...segmentation, diagnostics: s.diagnostics(request.code) } });
    }
    case 'load': {
      // The page resolves relative URLs against itself; here only absolute ones arrive.
      const { source: from } = request;
      const url = from.kind === 'url' ? from.url : '';
      const source = from.kind === 'url' ? urlSource(from.url) : localFolderSource(from);
      const cache = browserFileCache() ?? undefined;
      const started = performance.now();
      const next = await loadBrowserModel(source, ort as unknown as OrtWebModule, request.backend, {
        quantization: request.quantization,
        runtime: wasmRuntimeDownload(ort as unknown as OrtWasmEnv, ortWasmUrl, cache),
        // A local folder is read again as fast as a cache would be: its files are not copied into Cache Storage.
        cache: from.kind === 'url' ? cache : undefined,
        onProgress: (progress) => post({ id: request.id, type: 'progress', ...progress }),
      });
      const { manifest, quantization } = next.model;
      const loadMs = performance.now() - started;
      const calibration = await calibrationFile(source);
      const trees = calibratedLaneTrees(calibration, next.backend, quantization);
      const info: ModelInfo = {
        id: manifest.id, url, ...(from.kind === 'folder' ? { folder: from.name } : {}), backend: next.backend, fallback: next.fallback, notice: next.notice, quantization,
        quantizations: Object.keys(manifest.quantizations),
        variants: Object.keys(manifest.quantizations[quantization]!.heads),
        calibratedTrees: trees,
        bytes: manifest.files.reduce((n, f) => n + f.bytes, 0),
        maxSpecTokens: manifest.architecture.max_source_tokens,
        trainedOn: trainedOn(manifest),
      };
      post({ id: request.id, type: 'progress', phase: 'warm-up', file: '', loaded: 0, total: 0 });
      await warmUp(next, trees);
      // The old model is released only once the new one works: a bad URL loses nothing.
      const previous = loaded;
      loaded = { model: next, info, calibration, loadMs };
      await previous?.model.model.sessions.release();
      return post({ id: request.id, type: 'loaded', info });
    }
    case 'race': {
      if (!loaded) throw new VeriSpecError('bad-option', 'no model is loaded');
      const s = await getSyntax();
      const controller = new AbortController();
      running.set(request.id, controller);
      try {
        const run = race(loaded.model.model, request.spec, request.lanes, { ...request.settings, signal: controller.signal }, () => s.completeness());
        for (;;) {
          const next = await run.next();
          if (next.done) return post({ id: request.id, type: 'race-done', results: next.value });
          post({ id: request.id, type: 'step', lane: next.value.lane, event: next.value.event });
          await yieldToMessages();
        }
      } finally {
        running.delete(request.id);
      }
    }
    case 'count-tokens': {
      if (!loaded) throw new VeriSpecError('bad-option', 'no model is loaded');
      const count = loaded.model.model.tokenizer.encodeSpec(request.spec).length;
      return post({ id: request.id, type: 'tokens', count, limit: loaded.info.maxSpecTokens, reading: specReading(request.spec) });
    }
    case 'measure-cost': {
      if (!loaded) throw new VeriSpecError('bad-option', 'no model is loaded');
      const { model, info, calibration, loadMs } = loaded;
      const report = await measureCost(model.model);
      const found = calibratedCurves(calibration, info.backend, info.quantization);
      const projection = Object.fromEntries(Object.entries(found?.curves ?? {}).map(([lane, curve]) => [lane, projectLane(report.steps, curve)]));
      const manifest = model.model.manifest;
      const result: CostResult = {
        modelId: manifest.id, parameters: manifest.architecture.parameters, backend: info.backend, quantization: info.quantization,
        bytes: quantizationBytes(manifest, info.quantization), loadMs, report, projection, acceptance: found?.key ?? '',
      };
      return post({ id: request.id, type: 'cost', result });
    }
    case 'cancel': {
      running.get(request.target)?.abort();
      return post({ id: request.id, type: 'cancelled' });
    }
  }
}

function toWorkerError(error: unknown): WorkerError {
  if (error instanceof VeriSpecError) return { name: error.name, code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  // Memory that ran out outside session creation (a 250 MB file read, a warm-up): the same code.
  if (isOutOfMemory(e)) return { name: e.name, code: 'out-of-memory', message: `the browser ran out of memory (${e.message}): close other tabs, or choose a smaller quantization or model` };
  return { name: e.name, message: e.message };
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => post({ id: request.id, type: 'error', error: toWorkerError(error) }));
});
