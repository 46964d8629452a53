import type { Diagnostic, Segmentation } from '../syntax/index.js';

/**
 * Messages between the page and the worker. The worker is the only bridge
 * between the UI and the engine/syntax code; it does no work of its own.
 */
export type WorkerRequest =
  | { id: number; type: 'segment'; code: string };

export interface SegmentResult extends Segmentation {
  diagnostics: Diagnostic[];
}

export type WorkerResponse =
  | { id: number; type: 'segment'; result: SegmentResult }
  | { id: number; type: 'error'; error: { name: string; message: string } };
