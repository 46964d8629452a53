import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { decodePermalink, encodePermalink, MAX_HASH_CHARS } from './permalink.js';
import { DEFAULT_SETTINGS } from './settings.js';

const state = { spec: '8-bit counter, sync reset\n<script>alert(1)</script> "quotes" & ünïcödé', settings: { ...DEFAULT_SETTINGS, temperature: 0.7, seed: 42, bestOf: 3, backend: 'wasm' as const, names: 'free' as const } };
const hashOf = (payload: unknown) => `#r=${compressToEncodedURIComponent(JSON.stringify(payload))}`;

describe('permalinks', () => {
  test('round-trip the spec and every setting exactly', () => {
    const hash = encodePermalink(state);
    expect(hash).toMatch(/^#r=[A-Za-z0-9+\-$]+$/);
    expect(decodePermalink(hash)).toEqual({ kind: 'ok', state, warnings: [] });
  });

  test('no hash is no permalink', () => {
    expect(decodePermalink('')).toEqual({ kind: 'none' });
    expect(decodePermalink('#')).toEqual({ kind: 'none' });
  });

  test('broken, oversized and foreign links are refused with a reason', () => {
    const cases: [string, RegExp][] = [
      ['#other=1', /not a VeriSpec permalink/],
      [`#r=${'A'.repeat(MAX_HASH_CHARS)}`, /too long/],
      [encodePermalink(state).slice(0, 40), /damaged/],
      ['#r=%%%%', /damaged/],
      [`#r=${compressToEncodedURIComponent('{not json')}`, /not JSON/],
      [hashOf({ v: 99, spec: 'x' }), /another version/],
      [hashOf({ v: 1, settings: {} }), /no spec/],
      [hashOf({ v: 1, spec: 'x'.repeat(20_001) }), /spec is too long/],
      [hashOf(null), /another version/],
    ];
    for (const [hash, reason] of cases) {
      const decoded = decodePermalink(hash);
      expect(decoded.kind, hash.slice(0, 30)).toBe('broken');
      expect(decoded.kind === 'broken' && decoded.reason).toMatch(reason);
    }
  });

  test('a bad name mode falls back to names from the spec, said so', () => {
    const decoded = decodePermalink(hashOf({ v: 1, spec: 'x', settings: { lookup: 4, names: 'magic' } }));
    expect(decoded.kind === 'ok' && decoded.state.settings.names).toBe('spec');
    expect(decoded.kind === 'ok' && decoded.warnings.join('\n')).toMatch(/names must be one of spec, free/);
  });

  test('a bad grammar mode falls back to the checked grammar, said so; a link that gives one keeps it', () => {
    const bad = decodePermalink(hashOf({ v: 1, spec: 'x', settings: { lookup: 4, names: 'spec', grammar: 'loose' } }));
    expect(bad.kind === 'ok' && bad.state.settings.grammar).toBe('on');
    expect(bad.kind === 'ok' && bad.warnings.join('\n')).toMatch(/grammar must be one of on, off/);
    const off = decodePermalink(hashOf({ v: 1, spec: 'x', settings: { lookup: 4, names: 'spec', grammar: 'off' } }));
    expect(off.kind === 'ok' && off.state.settings.grammar).toBe('off');
  });

  test('bad settings fall back to their defaults, each named', () => {
    const decoded = decodePermalink(hashOf({ v: 1, spec: 'x', settings: { maxTokens: 99999, temperature: 'hot', backend: 'cuda', seed: 7, quantization: '<img>', __proto__: { polluted: true } } }));
    expect(decoded.kind).toBe('ok');
    if (decoded.kind !== 'ok') return;
    // A link without `lookup`, `names` or `grammar` predates them: its race ran the heads alone, with the model's own names and grammar.
    expect(decoded.state.settings).toEqual({ ...DEFAULT_SETTINGS, seed: 7, lookup: 0, names: 'free', grammar: 'off' });
    expect(decoded.warnings.join('\n')).toMatch(/maxTokens must be between 1 and 2048/);
    expect(decoded.warnings.join('\n')).toMatch(/temperature must be a number/);
    expect(decoded.warnings.join('\n')).toMatch(/backend must be one of auto, webgpu, wasm/);
    expect(decoded.warnings.join('\n')).toMatch(/quantization must be a name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
