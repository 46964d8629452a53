// lz-string is CommonJS: its default export works under Vite and in Node alike.
import LZString from 'lz-string';
import { checkSettings, type Settings } from './settings.js';

/** What a permalink reproduces: the spec and every setting (the seed included). */
export interface SharedState {
  spec: string;
  settings: Settings;
}

const VERSION = 1;
const PREFIX = '#r=';
/** Longer hashes are refused before decompressing them. */
export const MAX_HASH_CHARS = 32_768;
export const MAX_SPEC_CHARS = 20_000;

/** The URL hash for a state: compressed JSON, safe in a URL. */
export function encodePermalink(state: SharedState): string {
  return `${PREFIX}${LZString.compressToEncodedURIComponent(JSON.stringify({ v: VERSION, spec: state.spec, settings: state.settings }))}`;
}

export type DecodedPermalink =
  | { kind: 'none' }
  | { kind: 'ok'; state: SharedState; warnings: string[] }
  | { kind: 'broken'; reason: string };

/**
 * Reads a permalink hash. A permalink is untrusted input: anything broken,
 * oversized or hostile is refused with a reason (the page then starts from
 * its defaults); a setting out of range is replaced by its default and
 * named in `warnings`. Nothing from it is ever treated as HTML.
 */
export function decodePermalink(hash: string): DecodedPermalink {
  if (!hash || hash === '#') return { kind: 'none' };
  if (!hash.startsWith(PREFIX)) return { kind: 'broken', reason: 'this link is not a VeriSpec permalink' };
  if (hash.length > MAX_HASH_CHARS) return { kind: 'broken', reason: `this link is too long (${hash.length} characters; at most ${MAX_HASH_CHARS})` };
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  } catch {
    json = null;
  }
  if (!json) return { kind: 'broken', reason: 'this link is damaged (it does not decompress); was it cut short?' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { kind: 'broken', reason: 'this link is damaged (its contents are not JSON)' };
  }
  const d = (typeof data === 'object' && data !== null ? data : {}) as { v?: unknown; spec?: unknown; settings?: unknown };
  if (d.v !== VERSION) return { kind: 'broken', reason: `this link was made by another version of VeriSpec (format ${JSON.stringify(d.v ?? null)})` };
  if (typeof d.spec !== 'string') return { kind: 'broken', reason: 'this link has no spec' };
  if (d.spec.length > MAX_SPEC_CHARS) return { kind: 'broken', reason: `this link's spec is too long (${d.spec.length} characters; at most ${MAX_SPEC_CHARS})` };
  const given = (typeof d.settings === 'object' && d.settings !== null ? d.settings : {}) as Record<string, unknown>;
  // Links made before lookup (names from the spec, the grammar) existed ran without them: same race, same tokens.
  const { settings, errors } = checkSettings({ lookup: 0, names: 'free', grammar: 'off', ...given });
  const warnings = Object.entries(errors).map(([key, why]) => `${key} ${why}; using the default`);
  return { kind: 'ok', state: { spec: d.spec, settings }, warnings };
}
