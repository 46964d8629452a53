import { TYPICAL_DEFAULTS } from '../../engine/acceptance.js';
import { GRAMMAR_MODES, NAME_MODES, type GrammarMode, type NameMode } from '../../engine/decode.js';
import { LOOKUP_DEFAULTS } from '../../engine/lookup.js';
import type { BackendPreference } from '../../model/backend.js';

/** Everything a race depends on besides the spec: what a permalink carries. */
export interface Settings {
  /** Model package URL, as typed (resolved against the page when loaded). */
  modelUrl: string;
  backend: BackendPreference;
  /** A quantization the package has; '' for the package's default. */
  quantization: string;
  /** Head variant of the MEDUSA and syntax-aware lanes ('' for the lane's default). */
  medusaHeads: string;
  syntaxHeads: string;
  /** `calibrated`: the tree `bench --calibrate` picked for this backend; `default`: the variant's own. */
  tree: 'calibrated' | 'default';
  temperature: number;
  epsilon: number;
  alpha: number;
  maxTokens: number;
  /** Longest branch of candidates looked up in the spec and output (engine/lookup.ts); 0: heads only, as in the paper. */
  lookup: number;
  /** `spec`: declared module and port names are words of the spec (engine/names.ts); `free`: the model's own. */
  names: NameMode;
  /** `on`: tokens that break Verilog's grammar are ruled out as the lanes write (engine/grammar.ts); `off`: the model's own. */
  grammar: GrammarMode;
  seed: number;
  /** Races per Run: the outcome takes each lane's median, so one noisy run does not decide it. */
  bestOf: number;
}

export const SHIPPED_MODEL_URL = 'models/verispec-small/';

export const DEFAULT_SETTINGS: Settings = {
  modelUrl: SHIPPED_MODEL_URL, backend: 'auto', quantization: '', medusaHeads: '', syntaxHeads: '', tree: 'calibrated',
  temperature: 0, epsilon: TYPICAL_DEFAULTS.epsilon, alpha: TYPICAL_DEFAULTS.alpha, maxTokens: 256, lookup: LOOKUP_DEFAULTS.maxTokens, names: 'spec', grammar: 'on', seed: 0, bestOf: 3,
};

/** Ranges of the numeric settings, for the form and for untrusted input. */
export const LIMITS = {
  temperature: { min: 0, max: 2, integer: false },
  epsilon: { min: 0, max: 1, integer: false },
  alpha: { min: 0, max: 1, integer: false },
  maxTokens: { min: 1, max: 2048, integer: true },
  lookup: { min: 0, max: 16, integer: true },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
  bestOf: { min: 1, max: 9, integer: true },
} as const satisfies Partial<Record<keyof Settings, { min: number; max: number; integer: boolean }>>;

export type SettingErrors = Partial<Record<keyof Settings, string>>;

const BACKENDS: readonly BackendPreference[] = ['auto', 'webgpu', 'wasm'];
const NAME = /^[A-Za-z0-9_.-]{0,40}$/;

/** Why a numeric setting is refused, or null. */
export function numberError(key: keyof typeof LIMITS, value: unknown): string | null {
  const { min, max, integer } = LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (integer && !Number.isInteger(value)) return 'must be a whole number';
  if (value < min || value > max) return `must be between ${min} and ${max}`;
  return null;
}

/**
 * Settings from untrusted input (a permalink, the query string): every
 * field checked, the bad ones replaced by their defaults and named in
 * `errors`, unknown fields ignored.
 */
export function checkSettings(input: unknown): { settings: Settings; errors: SettingErrors } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const errors: SettingErrors = {};
  const take = <K extends keyof Settings>(key: K, ok: (v: unknown) => string | null) => {
    if (!(key in raw)) return;
    const why = ok(raw[key]);
    if (why) errors[key] = why;
    else settings[key] = raw[key] as Settings[K];
  };
  take('modelUrl', (v) => (typeof v === 'string' && v.trim() && v.length <= 2000 ? null : 'must be a URL'));
  take('backend', (v) => (BACKENDS.includes(v as BackendPreference) ? null : `must be one of ${BACKENDS.join(', ')}`));
  for (const key of ['quantization', 'medusaHeads', 'syntaxHeads'] as const) take(key, (v) => (typeof v === 'string' && NAME.test(v) ? null : 'must be a name'));
  take('tree', (v) => (v === 'calibrated' || v === 'default' ? null : 'must be calibrated or default'));
  take('names', (v) => (NAME_MODES.includes(v as NameMode) ? null : `must be one of ${NAME_MODES.join(', ')}`));
  take('grammar', (v) => (GRAMMAR_MODES.includes(v as GrammarMode) ? null : `must be one of ${GRAMMAR_MODES.join(', ')}`));
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) take(key, (v) => numberError(key, v));
  return { settings, errors };
}
