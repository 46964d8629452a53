import type { CostReport, projectLane } from '../engine/cost.js';
import type { DecodeResult, StepEvent } from '../engine/decode.js';
import type { LaneSpec, RaceSettings } from '../engine/race.js';
import type { SpecReading } from '../engine/spec-names.js';
import type { LaneTree } from '../engine/tree.js';
import type { BackendName, BackendPreference } from '../model/backend.js';
import type { ModelErrorCode } from '../model/errors.js';
import type { LocalFolder } from '../model/files.js';
import type { LoadProgress } from '../model/progress.js';
import type { Diagnostic, Segmentation } from '../syntax/index.js';

/**
 * Messages between the page and the worker. The worker is the only bridge
 * between the UI and the engine/syntax code; it does no work of its own.
 * A request gets any number of progress messages (`progress`, `step`) and
 * then exactly one final message (its result, or `error`).
 */
export type WorkerRequest =
  | { id: number; type: 'segment'; code: string }
  | { id: number; type: 'load'; source: ModelSource; backend: BackendPreference; quantization?: string }
  | { id: number; type: 'race'; spec: string; lanes: LaneSpec[]; settings: Omit<RaceSettings, 'signal'> }
  | { id: number; type: 'count-tokens'; spec: string }
  | { id: number; type: 'measure-cost' }
  | { id: number; type: 'cancel'; target: number };

/** Where a package comes from: a URL (absolute: the page resolves it), or a folder the person picked (its Files cross postMessage). */
export type ModelSource = { kind: 'url'; url: string } | ({ kind: 'folder' } & LocalFolder);

export interface SegmentResult extends Segmentation {
  diagnostics: Diagnostic[];
}

/** What the page shows about the loaded model. */
export interface ModelInfo {
  id: string;
  /** The package's URL; '' for a local folder. */
  url: string;
  /** The name of the local folder the package was loaded from (a permalink cannot carry it). */
  folder?: string;
  backend: BackendName;
  fallback?: string;
  /** Why the asked-for quantization was not used. */
  notice?: string;
  quantization: string;
  quantizations: string[];
  variants: string[];
  /** Candidate trees (and their growth) `verispec bench --calibrate` picked for this backend, per head variant. */
  calibratedTrees: Record<string, LaneTree>;
  /** Bytes of all the package's files (what a first visit downloads, at most). */
  bytes: number;
  /** The longest spec the encoder reads, in tokens. */
  maxSpecTokens: number;
  /** What the model was trained on, in a line (from its provenance), if the package says. */
  trainedOn?: string;
}

/** The loaded model's cost on this device (engine/cost.ts), and the lanes projected from its calibration when it has one. */
export interface CostResult {
  modelId: string;
  parameters: number;
  backend: BackendName;
  quantization: string;
  /** Bytes of the loaded quantization's files. */
  bytes: number;
  /** How long the worker took to load the package (download or cache, and session creation). */
  loadMs: number;
  report: CostReport;
  projection: Record<string, ReturnType<typeof projectLane>>;
  /** Where the projection's tokens per step come from (calibration.json's entry), or '' without one. */
  acceptance: string;
}

export interface WorkerError {
  name: string;
  code?: ModelErrorCode;
  message: string;
}

export type WorkerResponse =
  | { id: number; type: 'segment'; result: SegmentResult }
  | ({ id: number; type: 'progress' } & LoadProgress)
  | { id: number; type: 'tokens'; count: number; limit: number; reading: SpecReading }
  | { id: number; type: 'loaded'; info: ModelInfo }
  | { id: number; type: 'step'; lane: number; event: StepEvent }
  | { id: number; type: 'race-done'; results: DecodeResult[] }
  | { id: number; type: 'cost'; result: CostResult }
  | { id: number; type: 'cancelled' }
  | { id: number; type: 'error'; error: WorkerError };

/** The final message of each request type. */
export type FinalResponse = Extract<WorkerResponse, { type: 'segment' | 'loaded' | 'race-done' | 'cancelled' | 'tokens' | 'cost' | 'error' }>;
