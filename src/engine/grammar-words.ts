/** The words of Verilog's lexer as the grammar (grammar.ts) reads them: numbers, directives, comments and strings. */

import type { Grammar } from './grammar-state.js';

/** Keywords that stand only in an event control: an edge (`or` is a gate too). */
export const EVENT_KEYWORDS = new Set(['posedge', 'negedge', 'edge']);

/** Directives whose line is theirs alone. */
export const DIRECTIVES = new Set('timescale define undef include ifdef ifndef elsif else endif default_nettype resetall celldefine endcelldefine line'.split(' ').map((d) => `\`${d}`));
/** Numbers `?` is a digit of: based binary, octal, hex (and a decimal's only digit). */
export const BASED_Q = /'[sS]?[bBoOhH]|'[sS]?[dD]$/;
/** A number that ends in its base: whitespace may stand before its digits. */
export const BASE_ENDS = /'[sS]?[bBoOdDhH]\s*$/;

/** A character inside a comment, a string, an attribute or a specify block: only its end is read. */
export function skipped(g: Grammar, c: string): boolean {
  if (g.skip === 'specify') {
    if (/[A-Za-z_]/.test(c)) g.word += c;
    else if (g.word === 'endspecify') g.skip = g.word = '';
    else g.word = '';
  } else if (g.skip === 'line') {
    if (c === '\n') g.skip = '';
  } else if (g.skip === 'block' || g.skip === 'attribute') {
    if (g.prev === '*' && c === (g.skip === 'block' ? '/' : ')')) {
      g.skip = '';
      g.prev = '';
      return true;
    }
  } else if (g.prev === '\\') {
    g.prev = ''; // an escaped character in a string
    return true;
  } else if (c === '"') {
    g.skip = '';
    g.operand = true;
  }
  g.prev = c;
  return true;
}

/** Whether `c` goes on the word begun (an identifier, a number, a `$task`, a `` `macro ``, an `\\escaped` name). */
export function continuesWord(word: string, c: string): boolean {
  const first = word[0]!;
  if (first === '\\') return !/\s/.test(c); // an escaped identifier runs to whitespace
  if (/[0-9']/.test(first)) {
    // A number: digits, a base, its digits; `?` is a digit only of a based binary, octal or hex number.
    if (/[0-9A-Za-z_']/.test(c)) return true;
    if (/\s/.test(c)) return BASE_ENDS.test(word); // `7'b 0111111`: a base, then its digits
    if (c === '?') return BASED_Q.test(word);
    return c === '.' && !word.includes("'") && !word.includes('.');
  }
  return /[A-Za-z0-9_$]/.test(c);
}
