import { describe, expect, test } from 'vitest';
import { EXAMPLE_SPEC, initialState } from './initial.js';
import { encodePermalink } from './permalink.js';
import { DEFAULT_SETTINGS } from './settings.js';

describe('the page\'s first state', () => {
  test('defaults without a hash or query', () => {
    expect(initialState('', '')).toEqual({ spec: EXAMPLE_SPEC, settings: DEFAULT_SETTINGS, notices: [], fromPermalink: false });
  });

  test('a permalink wins over the query', () => {
    const hash = encodePermalink({ spec: 'mux', settings: { ...DEFAULT_SETTINGS, seed: 3 } });
    const s = initialState('?backend=wasm', hash);
    expect(s).toMatchObject({ spec: 'mux', fromPermalink: true, notices: [] });
    expect(s.settings.seed).toBe(3);
    expect(s.settings.backend).toBe('auto');
  });

  test('query parameters set the settings; bad ones are named and replaced by defaults', () => {
    const s = initialState('?spec=a%204-to-1%20mux&model=https://example.org/m/&backend=foo&quantization=bogus%3Cb%3E&maxTokens=99999&seed=5&frobnicate=1', '');
    expect(s.spec).toBe('a 4-to-1 mux');
    expect(s.settings).toEqual({ ...DEFAULT_SETTINGS, modelUrl: 'https://example.org/m/', seed: 5 });
    expect(s.notices).toEqual([
      '?frobnicate= is not a setting; ignored',
      '?backend="foo": must be one of auto, webgpu, wasm; using "auto"',
      '?quantization="bogus<b>": must be a name; using ""',
      '?maxTokens="99999": must be between 1 and 2048; using 256',
    ]);
  });

  test('a broken permalink is named and the page starts from its defaults', () => {
    const s = initialState('', '#r=garbage!!');
    expect(s.spec).toBe(EXAMPLE_SPEC);
    expect(s.notices[0]).toMatch(/damaged.*starts from its defaults/);
  });
});
