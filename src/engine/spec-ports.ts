/**
 * The names a spec marks as ports. A spec lists its interface in many shapes
 * (`d[7:0]`, `[7:0] din`, `input a`, `din (input, 8 bits)`, a table row
 * `| din | input |`, "ports clk, rst, en", `mux4(a, b, c, d, sel, y)`), and
 * its prose uses other words (`in` of "data in", the module's own name). A
 * small model that may name a port with any word of the spec picks the
 * prose's `in` for `din`; held to the words the spec marks as ports, it
 * picks `din`.
 */

import { loosePorts, statedWidths } from './loose-ports.js';
import { ID } from './spec-words.js';

export { ID, identifierLike } from './spec-words.js';

/** Words that may stand between a direction and a port's name. */
export const DIRECTIONS = ['input', 'output', 'inout'];
export const TYPE_WORDS = ['wire', 'reg', 'signed', 'unsigned', 'logic', ...DIRECTIONS];
const DIRECTION = '(?:input|output|inout)s?';
/** A list item that is a port: a name, with a direction, a range or a parenthesised note about it. */
const ITEM = new RegExp(`^\\s*(?:${DIRECTION}\\s+)?(?:(?:wire|reg|signed|unsigned)\\s+)*(?:\\[[^\\]]*\\]\\s*)?(${ID})\\s*(?:\\[[^\\]]*\\])?\\s*(?:\\([^)]*\\))?\\s*$`, 'i');

const LAST_ITEM = new RegExp(`^\\s*(${ID})(?:\\s*\\[[^\\]]*\\])?[ \\t]+(?=[A-Z][a-z]+\\b)`);
/** Marks a name carries wherever it stands. */
const MARKS = [
  new RegExp(`\\b(${ID})\\[[^\\]\\n]{1,24}\\]`, 'g'), // d[7:0], q[16]
  new RegExp(`\\]\\s+(${ID})`, 'g'), // [7:0] din
  new RegExp(`\\b${DIRECTION}\\s+(?:(?:wire|reg|signed|unsigned)\\s+)*(?:\\[[^\\]]*\\]\\s*)?(${ID})`, 'gi'), // input a, output [7:0] y
  new RegExp(`\\b(${ID})\\s*\\(\\s*(?:${DIRECTION}\\b|signed\\b|unsigned\\b|\\d+\\s*-?\\s*bits?\\b)`, 'gi'), // din (input, 8 bits), a (3 bits
  new RegExp(`^\\s*\\|\\s*(${ID})\\s*\\|\\s*${DIRECTION}\\b`, 'gim'), // | din | input |
];
/** Where a list of ports may begin: after a direction ("in:", "inputs"), after "ports" or "with", after a colon. */
const LIST_START = /\b(?:(?:in|out)\s*:|(inputs?|outputs?)\b\s*:?|(?:ports?|i\/o|with)\b\s*:?)|:/gi;

/** Parts of `text` between commas (and "and") outside parentheses and brackets. */
function items(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const c of text) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      parts.push(part);
      part = '';
    } else part += c;
  }
  parts.push(part);
  return parts.flatMap((p) => p.split(/\band\b/)).filter((p) => p.trim() !== '');
}

/** The names in `list` when every item is a port (at least `least` of them); none otherwise. */
export function listed(list: string, least: number): string[] {
  const parts = items(list);
  // An item may run into the next sentence when no full stop ends the list ("out: busy Notes: ..."): the list ends with it.
  const ends = parts.findIndex((item) => !ITEM.test(item) && LAST_ITEM.test(item));
  const names = (ends < 0 ? parts : parts.slice(0, ends + 1)).map((item) => ITEM.exec(item)?.[1] ?? LAST_ITEM.exec(item)?.[1]);
  return names.length >= least && names.every((n) => n !== undefined) ? (names as string[]) : [];
}

/** The identifiers the spec marks as ports, in order of appearance, each once. */
export function listedPorts(spec: string): string[] {
  const found: { at: number; name: string }[] = [];
  for (const mark of MARKS) for (const m of spec.matchAll(mark)) found.push({ at: m.index + m[0].indexOf(m[1]!), name: m[1]! });
  // Lists: after a direction one item will do; after "ports", "with" or a colon, two.
  for (const m of spec.matchAll(LIST_START)) {
    const rest = spec.slice(m.index + m[0].length);
    const end = rest.search(/[.;\n]|$/);
    const least = m[1] || /^(?:in|out)\s*:/i.test(m[0]) ? 1 : 2;
    for (const name of listed(rest.slice(0, end), least)) found.push({ at: m.index, name });
  }
  // A parenthesised list of two or more ports: `mux4(a, b, c, d, sel, y)`, `(input [7:0] d, output [3:0] count)`.
  for (const m of spec.matchAll(/\(([^()]*)\)/g)) for (const name of listed(m[1]!, 2)) found.push({ at: m.index, name });
  for (const p of loosePorts(spec)) found.push({ at: p.at, name: p.name });
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
}

/**
 * Where the spec may give a port's width by the way: `din[7:0]` and `in: d0[16], d1[16]` are
 * declarations, or a part select and a bit in prose (`{q[2:0], ~q[3]}` of a 4-bit q), so they count
 * only for a port no mark of WIDTH_MARKS gives a width.
 */
const WEAK_WIDTH_MARKS: [RegExp, (m: RegExpExecArray) => [string, number]][] = [
  [new RegExp(`\\b(${ID})\\[\\s*(\\d+)\\s*:\\s*0\\s*\\]`, 'g'), (m) => [m[1]!, Number(m[2]) + 1]],
  // A list item with its range after a space: "key [3:0] (the key value)".
  [new RegExp(`(?:^|[,:(])[ \\t]*(${ID})[ \\t]+\\[\\s*(\\d+)\\s*:\\s*0\\s*\\](?=[ \\t]*(?:[,;.)(]|$))`, 'gm'), (m) => [m[1]!, Number(m[2]) + 1]],
];

/** In a list after "in:" or "out:", `d0[16]` is a width (elsewhere, as in `{a[3], b[3]}`, `q[3]` is a bit). */
function countedWidths(spec: string): [string, number][] {
  const found: [string, number][] = [];
  for (const m of spec.matchAll(/\b(?:in|out)\s*:/gi)) {
    const list = spec.slice(m.index + m[0].length).split(/[.;\n]/, 1)[0]!;
    for (const item of list.matchAll(new RegExp(`(?:^|,)\\s*(${ID})\\[\\s*(\\d+)\\s*\\]`, 'g'))) found.push([item[1]!, Number(item[2])]);
  }
  return found;
}

/** Where the spec gives a listed port's width: `[7:0] din`, `din (input, 8 bits)`, `| din | input | 8 |`, "a 4-bit input a". */
const WIDTH_MARKS: [RegExp, (m: RegExpExecArray) => [string, number]][] = [
  // A list's first item after "in:" or "out:" is a declaration: `out: cnt[6]`.
  [new RegExp(`\\b(?:in|out)\\s*:\\s*(${ID})\\[\\s*(\\d+)\\s*\\]`, 'gi'), (m) => [m[1]!, Number(m[2])]],
  // On one line: `r[1:0]` ending a line does not give the next line's first word a width.
  [new RegExp(`\\[\\s*(\\d+)\\s*:\\s*0\\s*\\][ \\t]*(${ID})`, 'g'), (m) => [m[2]!, Number(m[1]) + 1]],
  // Not an expression's operand: "product = a * b (32 bits)" gives the product's width.
  [new RegExp(`(?<![-*+/%&|^=<>][ \\t]*)\\b(${ID})\\s*\\(\\s*(?:${DIRECTION}\\s*,?\\s*)?(?:signed\\s+|unsigned\\s+)?(\\d+)\\s*-?\\s*bits?\\b`, 'gi'), (m) => [m[1]!, Number(m[2])]],
  [new RegExp(`^\\s*\\|\\s*(${ID})\\s*\\|\\s*${DIRECTION}\\s*\\|\\s*(\\d+)\\b`, 'gim'), (m) => [m[1]!, Number(m[2])]],
  [new RegExp(`\\b(\\d+)-bit\\s+(?:signed\\s+|unsigned\\s+)?${DIRECTION}\\s+(${ID})`, 'gi'), (m) => [m[2]!, Number(m[1])]],
  // A declaration in a list or a bullet with no range: one bit (`- input sel: select`, `Port list: input clk, ...`).
  // Its name ends the item (`(input chosen when ...`, "outputs not selected" and a note's `1 bit, output valid` are prose).
  [new RegExp(`(?:^\\s*[-*]|(?<!\\bbits?),|[:(])\\s*(?:input|output|inout)[ \\t]+(?:(?:wire|reg|logic)\\s+)?(?:(?:signed|unsigned)\\s+)?(${ID})(?=[ \\t]*(?:[,;:)]|\\.(?!\\w)|$))(?![^\\n]*\\b\\d+\\s*-?\\s*bits?\\b)`, 'gim'), (m) => [m[1]!, 1]],
];

/**
 * The widths the spec gives its ports; a name given two widths (`| q | output | 8 |`, then `q (6
 * bits)`) has none (it is in `conflicting`). A width given by the way (`q[6:0]`) counts where no other mark gives one. `loose`:
 * also the widths of loose shapes (loose-ports.ts).
 */
export function portWidths(spec: string, loose = true): Map<string, number> & { conflicting: Set<string> } {
  const strong = readWidths(spec, WIDTH_MARKS);
  // Loose shapes give widths as declarations do: `outputs jc[2:0]`, "a and b are 8 bits each" (part selects are weak marks).
  if (loose) addWidths(strong, [...statedWidths(spec), ...loosePorts(spec).flatMap((p) => (p.width === undefined ? [] : [[p.name, p.width] as [string, number]]))]);
  const weak = readWidths(spec, WEAK_WIDTH_MARKS);
  addWidths(weak, countedWidths(spec));
  for (const [name, width] of weak) if (!strong.has(name) && !strong.conflicting.has(name)) strong.set(name, width);
  for (const name of weak.conflicting) if (!strong.has(name)) strong.conflicting.add(name);
  return strong;
}

/** Adds widths to `widths`; a name given another width than it has goes to `conflicting`. */
function addWidths(widths: Map<string, number> & { conflicting: Set<string> }, more: [string, number][]): void {
  for (const [name, width] of more) {
    if (widths.conflicting.has(name)) continue;
    if (widths.has(name) && widths.get(name) !== width) {
      widths.delete(name);
      widths.conflicting.add(name);
    } else widths.set(name, width);
  }
}

/** The widths `marks` read, without the names they give two; those names in `conflicting`. */
function readWidths(spec: string, marks: [RegExp, (m: RegExpExecArray) => [string, number]][]): Map<string, number> & { conflicting: Set<string> } {
  const widths = Object.assign(new Map<string, number>(), { conflicting: new Set<string>() });
  addWidths(widths, marks.flatMap(([mark, read]) => [...spec.matchAll(mark)].map(read)).filter(([, width]) => width >= 1));
  return widths;
}

