/**
 * Widths from the spec, at the range: where the spec gives every port it
 * lists a width (spec-ports.ts), a port declaration's range in the module
 * header is `[w-1:0]` for the width w of a port not declared yet, or a
 * parameter's range (the testbench's defaults decide those). The name after
 * it must then be a port of that width (names.ts). A small model writes
 * `[15:0]` for every port of a 16-bit mux, its 1-bit select included.
 */

import { TAIL } from './names.js';
import { codeOnly, endsInComment } from './uses.js';

const DECLARATION = /\b(module|input|output|inout)\b/g;

/** Where `text` ends inside the range of a port declaration of the module header (`input wire [1`): the range begun. */
export function rangeSlot(text: string): string | null {
  if (endsInComment(text)) return null;
  const tail = codeOnly(text.slice(-TAIL));
  let found: RegExpExecArray | null = null;
  for (const m of tail.matchAll(DECLARATION)) found = m as RegExpExecArray;
  if (!found || found[1] === 'module') return null;
  const rest = tail.slice(found.index + found[0].length);
  if (/[;()#=]|\/\//.test(rest)) return null;
  return /\[([^\]]*)$/.exec(rest)?.[1] ?? null;
}

/**
 * The row inside a range: tokens that keep it on its way to `[w-1:0]` for one of `widths` (spaces
 * aside), or, where the code declares parameters (`parameters`), make it a parameter's (a letter);
 * null where every token would do. Without a parameter a letter there names nothing: a model that
 * wanted another width would escape through it into text that is no Verilog.
 */
export function rangeRow(partial: string, widths: readonly number[], pieces: readonly string[], parameters = true): Float32Array | null {
  if (widths.length === 0 || /[A-Za-z_`]/.test(partial)) return null;
  const targets = [...new Set(widths)].map((w) => `${w - 1}:0]`);
  const row = new Float32Array(pieces.length).fill(-Infinity);
  pieces.forEach((piece, id) => {
    // A range is written on one line, with no space inside a number and no padding after one: a small model would pad forever.
    if (piece === '' || piece.includes('\n') || /\d\s+\d/.test(partial + piece) || (/^\s+$/.test(piece) && /[\s\d]$/.test(partial))) return;
    const text = (partial + piece).replace(/\s+/g, '');
    const range = text.includes(']') ? text.slice(0, text.indexOf(']') + 1) : text;
    if ((parameters && /[A-Za-z_`]/.test(range)) || targets.some((t) => t.startsWith(range) || range === t)) row[id] = 0;
  });
  return row.includes(0) ? row : null;
}
