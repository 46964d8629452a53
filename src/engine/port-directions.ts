import { loosePorts } from './loose-ports.js';
import { ID, listed, TYPE_WORDS } from './spec-ports.js';

/**
 * The direction a spec gives each port it declares in so many words. Stricter
 * than `listedPorts` (spec-ports.ts), which may take a word of prose for a
 * port: here prose that mentions a direction ("output its position", "the
 * input frequency", "input chosen when ...", a note's "1 bit, input signal")
 * declares nothing, so the decoder can hold a header to what is found
 * (names.ts). Checked against the generated tasks' interfaces (names.test.ts).
 */

export type Direction = 'input' | 'output' | 'inout';

const TYPES = '(?:(?:wire|reg|logic|signed|unsigned)[ \\t]+)*(?<range>\\[[^\\]\\n]*\\][ \\t]*)?';
/**
 * What may stand before a declaring direction, and whether the declaration must go on a list of them.
 * Free: a line's start or a bullet, a `(` that opens a list (not a note's `d (input signal)`), a width
 * (`a 8-bit (by default) input`). Chained: a comma (not a note's `1 bit,`), `;`, `and`: only right after
 * another declaration, where it has a range, or (a colon too) where a list goes on after the name ("If sel is 0, output a;"
 * and "Reset: output zero." declare nothing).
 */
const FREE = '^[ \\t]*(?:[-*\\u2022][ \\t]*)?|\\((?=[^()\\n]*,)[ \\t]*|\\b\\d+-bits?[ \\t]+(?:\\([^()\\n]*\\)[ \\t]+)?';
const CHAINED = '(?:;|(?<!\\bbits?),|\\band)[ \\t]*';
/**
 * A declaration: `input [7:0] din`, `a 44-bit input a (select)`, `- output y: ...`; its name ends at a separator, a note or the line,
 * or, for a list's last declaration, at the prose that follows the list (`..., output cout Notes: ...`).
 */
const DECLARATION = new RegExp(`(?:(?<free>${FREE})|(?<chained>${CHAINED})|:[ \\t]*)(?<dir>input|output|inout)[ \\t]+${TYPES}(?<name>${ID})`
  + `(?=[ \\t]*(?:(?<goesOn>[,(\\[])|[;:)]|\\.(?!\\w)|\\band\\b|$)|(?<prose>[ \\t]+[A-Za-z]))`, 'gim');
/** Words that end no list: "input a, output the sum" declares `a` only. */
const NO_NAMES = new Set('a an the its this that these those each every some no of to is are be when then'.split(' '));
/** What may stand between two declarations of a list: a note on the first, a separator. */
const BETWEEN = /^[ \t]*(?:\([^()\n]*\))?[ \t]*$/;
/** More names of the same declaration: `input [7:0] a, b, output y`. */
const MORE = new RegExp(`^[ \\t]*,[ \\t]*(${ID})(?=[ \\t]*(?:[,)]|$))`);
/** A note after the name: `din (input, 8 bits)`, `d0 (6 bits, input)`. */
const NOTE = new RegExp(`\\b(${ID})\\s*\\(\\s*(?:\\d+\\s*-?\\s*bits?\\s*,\\s*)?(input|output|inout)\\s*(?=[,)])`, 'gi');
/** A table row: `| din | input | 8 |`. */
const ROW = new RegExp(`^\\s*\\|\\s*(${ID})\\s*\\|\\s*(input|output|inout)\\b`, 'gim');
/** A list of one direction's ports at a line's or a sentence's start: "Inputs: a (4 bits), b", "in: d0[16], sel; out: q[16]". */
const LIST = /(?:^|[.;]\s+|;)\s*(inputs?|outputs?|in|out)\s*:/gim;
const KEYWORDS = new Set(TYPE_WORDS);

interface Found {
  at: number;
  name: string;
  dir: Direction;
}

/**
 * The declarations, and the names listed after each (`input a, b`). A chained one counts after another
 * declaration, or where its own list goes on (a `,`, a note, a range after its name).
 */
function declarations(spec: string): Found[] {
  const found: Found[] = [];
  let end = -1;
  for (const m of spec.matchAll(DECLARATION)) {
    const g = m.groups!;
    // After a colon only a list declares ("- input sig: input signal" describes `sig`); a range always does.
    const listed = g.chained !== undefined && end >= 0 && BETWEEN.test(spec.slice(end, m.index));
    if (g.prose !== undefined && (!listed || NO_NAMES.has(g.name!.toLowerCase()))) continue;
    if (g.free === undefined && !listed && g.goesOn === undefined && g.range === undefined) continue;
    const dir = g.dir!.toLowerCase() as Direction;
    found.push({ at: m.index, name: g.name!, dir });
    let rest = spec.slice(m.index + m[0].length);
    end = m.index + m[0].length;
    for (let more = MORE.exec(rest); more && !KEYWORDS.has(more[1]!); more = MORE.exec(rest)) {
      found.push({ at: m.index, name: more[1]!, dir });
      rest = rest.slice(more[0].length);
      end += more[0].length;
    }
  }
  return found;
}

/** The text of a list from `from` to its end: a `.`, `;` or line end outside brackets. */
function listText(spec: string, from: number): string {
  let depth = 0;
  let i = from;
  for (; i < spec.length; i++) {
    const c = spec[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '\n' || (depth === 0 && (c === ';' || (c === '.' && !/\d/.test(spec[i + 1] ?? ''))))) break;
  }
  // Notes inside notes ("a (signed 8 bits, (two's complement) operand)") would hide the item's shape.
  let text = spec.slice(from, i);
  while (/\([^()]*\([^()]*\)/.test(text)) text = text.replace(/(\([^()]*)\([^()]*\)/, '$1');
  return text;
}

/**
 * Each declared port's direction, in the order found; a name given two directions has none (it is in `conflicting`).
 * `loose`: also the loose shapes of loose-ports.ts ("clk in, ack out", `a[3:0] -> y[3:0]`).
 */
export function readDirections(spec: string, loose = true): { directions: Map<string, Direction>; conflicting: Set<string> } {
  const found = declarations(spec);
  for (const m of spec.matchAll(NOTE)) found.push({ at: m.index, name: m[1]!, dir: m[2]!.toLowerCase() as Direction });
  for (const m of spec.matchAll(ROW)) found.push({ at: m.index, name: m[1]!, dir: m[2]!.toLowerCase() as Direction });
  if (loose) for (const p of loosePorts(spec)) found.push({ at: p.at, name: p.name, dir: p.dir });
  for (const m of spec.matchAll(LIST)) {
    const dir: Direction = m[1]!.toLowerCase().startsWith('in') ? 'input' : 'output';
    for (const name of listed(listText(spec, m.index + m[0].length), 1)) found.push({ at: m.index, name, dir });
  }
  const directions = new Map<string, Direction>();
  const conflicting = new Set<string>();
  for (const { name, dir } of found.sort((a, b) => a.at - b.at)) {
    if (KEYWORDS.has(name)) continue;
    if (directions.has(name) && directions.get(name) !== dir) conflicting.add(name);
    directions.set(name, dir);
  }
  for (const name of conflicting) directions.delete(name);
  return { directions, conflicting };
}

/** Each declared port's direction (`readDirections`' `directions`). */
export function portDirections(spec: string): Map<string, Direction> {
  return readDirections(spec).directions;
}
