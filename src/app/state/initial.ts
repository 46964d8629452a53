import { decodePermalink, MAX_SPEC_CHARS, type SharedState } from './permalink.js';
import { checkSettings, DEFAULT_SETTINGS } from './settings.js';

import examples from '../examples.json';

/** The first example of the gallery: a held-out spec whose greedy output passes every check of `verispec eval`. */
export const EXAMPLE_SPEC = examples[0]!.spec;

/** The page's first state, and what the person should be told about how it was read. */
export interface InitialState extends SharedState {
  /** Why a permalink or a query parameter was not used (shown once, on the page). */
  notices: string[];
  fromPermalink: boolean;
}

/**
 * The state a page opens with: a permalink's (`#r=...`) if there is a good
 * one, else the query parameters (`?spec=`, `?model=`, `?backend=`,
 * `?quantization=`, `?seed=`, ...), else the defaults. Nothing here throws:
 * bad input becomes a notice and a default.
 */
export function initialState(search: string, hash: string): InitialState {
  const permalink = decodePermalink(hash);
  if (permalink.kind === 'ok') return { ...permalink.state, notices: permalink.warnings.map((w) => `permalink: ${w}`), fromPermalink: true };
  const notices = permalink.kind === 'broken' ? [`${permalink.reason}; the page starts from its defaults`] : [];
  const query = new URLSearchParams(search);
  const raw: Record<string, unknown> = {};
  for (const [key, value] of query) {
    if (key === 'spec') continue;
    const field = key === 'model' ? 'modelUrl' : key;
    if (!(field in DEFAULT_SETTINGS)) {
      notices.push(`?${key}= is not a setting; ignored`);
      continue;
    }
    raw[field] = typeof DEFAULT_SETTINGS[field as keyof typeof DEFAULT_SETTINGS] === 'number' ? Number(value) : value;
  }
  const { settings, errors } = checkSettings(raw);
  for (const [field, why] of Object.entries(errors)) notices.push(`?${field === 'modelUrl' ? 'model' : field}=${JSON.stringify(query.get(field === 'modelUrl' ? 'model' : field))}: ${why}; using ${JSON.stringify(DEFAULT_SETTINGS[field as keyof typeof DEFAULT_SETTINGS])}`);
  const spec = query.get('spec');
  if (spec !== null && spec.length > MAX_SPEC_CHARS) notices.push(`?spec= is too long (${spec.length} characters); using the example`);
  return { spec: spec && spec.length <= MAX_SPEC_CHARS ? spec : EXAMPLE_SPEC, settings, notices, fromPermalink: false };
}
