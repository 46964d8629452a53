import type { Split } from './task.js';

/**
 * One training example as the corpus writes it (one JSON line), before the
 * training side dedups, tokenizes and flags it. `fragments` holds the
 * output's fragment spans (see annotate.ts).
 */
export interface RawExample {
  id: string;
  source: 'synthetic' | 'rtl';
  /** Synthetic tasks come with their split; real RTL is split after dedup, on the training side. */
  split: Split | null;
  instruction: string;
  input: string;
  output: string;
  fragments: number[];
  fragmentKinds: Record<string, number>;
  /** Synthetic: family, seed, template, combination. RTL: package, version, origin, path, licence, module. */
  meta: Record<string, string | number | boolean>;
}

/** The instruction of every real-RTL example; the input is the module's comments and header. */
export const COMPLETE_MODULE_INSTRUCTION = 'Complete this Verilog module.';
