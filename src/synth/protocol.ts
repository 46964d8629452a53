import { errorLine } from '../util/tool-log.js';

/** The synthesis worker's messages: one design in, yosys's verdict out. */
export interface SynthRequest {
  id: number;
  code: string;
}

export interface SynthResult extends SynthVerdict {
  id: number;
}

/** yosys's own download, the first time it is used: bytes read so far of about `total`. */
export interface SynthProgress {
  progress: { loaded: number; total: number };
}

/** What the synthesis worker posts. */
export type SynthMessage = SynthResult | SynthProgress;

/** yosys's verdict on a design, or why there is none. */
export interface SynthVerdict {
  /** yosys synthesized the design (`synth -auto-top`); null: no verdict (yosys could not be loaded, e.g. offline). */
  ok: boolean | null;
  /** yosys's error when it did not synthesize, or why there is no verdict; '' when it did. */
  message: string;
  /** The design's line yosys names in its error, when it names one. */
  line?: number;
}

/** The verdict from yosys's log when it failed: its error line, and the design line it names (`design.v:12: ERROR: ...`). */
export function failedVerdict(log: string, fallback: string): SynthVerdict {
  const error = log.trim() ? errorLine(log) : fallback;
  const line = /design\.v:(\d+)/.exec(error)?.[1] ?? /design\.v:(\d+)/.exec(log)?.[1];
  const message = error.replace(/^.*?ERROR:\s*/, '').trim() || fallback;
  return { ok: false, message, ...(line ? { line: Number(line) } : {}) };
}
