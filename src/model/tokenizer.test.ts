import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ModelTokenizer } from './tokenizer.js';

const json = JSON.parse(readFileSync(new URL('../../fixtures/model-tiny/tokenizer.json', import.meta.url), 'utf8')) as { model: { vocab: Record<string, number> } };
const tokenizer = new ModelTokenizer(json, new Set([0, 1, 2, 3]));

describe('displayPiece', () => {
  test('whole characters show as text; a part of a multi-byte character shows its bytes', () => {
    const id = (token: string) => json.model.vocab[token]!;
    expect(tokenizer.displayPiece(id('m'))).toBe('m');
    // In the byte-level alphabet 'â' stands for byte 0xe2 (the first byte of '—' and other punctuation).
    expect(tokenizer.piece(id('â'))).toBe('\uFFFD');
    expect(tokenizer.displayPiece(id('â'))).toBe('<e2>');
    expect(tokenizer.displayPiece(id('Ġ'))).toBe(' ');
  });
});

describe('special tokens', () => {
  test("every special token of tokenizer.json is left out of the text, named in the manifest or not", () => {
    const bare = new ModelTokenizer(json, new Set());
    const frag = json.model.vocab['[FRAG]']!;
    expect(bare.piece(frag)).toBe('');
    expect(bare.appendText([], [frag, json.model.vocab['m']!]).text).toBe('m');
  });
});
