import type { Direction } from './port-directions.js';
import { ID, identifierLike } from './spec-words.js';

/**
 * Ports a spec gives in the loose shapes people type into a playground, not
 * as declarations: an arrow from inputs to outputs (`p[7:0], q[7:0] ->
 * d[7:0]`), a direction after each name ("clk in, req in, ack out", "a and b
 * come in and y goes out"), a direction word before a list in a sentence
 * ("inputs a[7:0], b[7:0] and sub; output co"), a declaration opening a
 * sentence ("Output vend is registered"). Each shape is read only where every
 * item of it looks like a port, so prose that merely mentions inputs declares
 * nothing; what is read is checked against every generated task's interface
 * (port-directions.test.ts). spec-names.ts decides whether it is whole.
 */

export interface LoosePort {
  at: number;
  name: string;
  dir: Direction;
  /** The width the shape gives: a range, "(8 bits each)"; none where it gives none. */
  width?: number;
}

const RANGE = '\\[[^\\]\\n]*\\]';
/** Words no port is named: the list has ended in prose ("inputs are sampled", "outputs a and the carry"). */
const PROSE = new Set(('an the its this that these those one two three four all each every any some no of to is are be been was '
  + 'when then both either with from into on at by as for if else while only same also which where whose it they '
  + 'input inputs output outputs inout in out wire reg signed unsigned').split(' '));

/** The width of a range `[7:0]` or `[8]` (a count), undefined where it is not numeric. */
function rangeWidth(range: string | undefined): number | undefined {
  if (!range) return undefined;
  const bounds = /^\[\s*(\d+)\s*(?::\s*(\d+)\s*)?\]$/.exec(range);
  if (!bounds) return undefined;
  return bounds[2] === undefined ? Number(bounds[1]) : Math.abs(Number(bounds[1]) - Number(bounds[2])) + 1;
}

/** A name that may be a port in a loose shape: no prose word, no all-capitals state name (`IDLE`). */
function portLike(name: string): boolean {
  return !PROSE.has(name.toLowerCase()) && !(name.length > 1 && /^[A-Z0-9_]+$/.test(name) && /[A-Z]{2}/.test(name));
}

const ITEM = new RegExp(`(${ID})(${RANGE})?`, 'y');

interface Item {
  name: string;
  width?: number;
  at: number;
}

/** Words after a list's comma that end it in a clause about it: "x, lo, hi, each 4 bits", "count and tc, where ...". */
const CLAUSE = /^(?:each|both|all|where|which|that|with|so|but|then|while|when|whose)\b/i;
/** Ends of an item: a separator, a note, the end of a sentence or line, the next sentence with no full stop before it. */
const ITEM_END = /^(?:[ \t]*\([^()\n]*\))?[ \t]*(?:[,;.:)]|\n|$|and\b|[A-Z])/;

/**
 * The items of a list from `from`: names with an optional range, split by `,` and "and". The first that is no port ends
 * it (a prose word counts as a name only where an item's end follows: "inputs clock, rst, in;"); `broken` where that
 * came right after a separator ("inputs a, b, the carry"), so the list was not read whole; `stopped` where `stop` (the next
 * direction) ends it instead.
 */
function itemsFrom(text: string, from: number, commasOnly = false, stop?: RegExp): { items: Item[]; broken: boolean; stopped?: number } {
  const items: Item[] = [];
  let i = from;
  for (;;) {
    if (items.length > 0 && stop?.test(text.slice(i))) return { items, broken: false, stopped: i };
    if (items.length > 0 && CLAUSE.test(text.slice(i))) return { items, broken: false };
    ITEM.lastIndex = i;
    const m = ITEM.exec(text);
    const ends = m !== null && ITEM_END.test(text.slice(m.index + m[0].length));
    // `a` is a port in "inputs a and b", the article in "outputs a pulse".
    if (!m || /^(?:input|output|inout)s?$/i.test(m[1]!) || (!portLike(m[1]!) && !ends) || (m[1] === 'a' && !m[2] && !ends)) return { items, broken: items.length > 0 };
    const width = rangeWidth(m[2]);
    // A name again ends the list: "diff[7:0], diff = x - y".
    if (items.some((p) => p.name === m[1])) return { items, broken: false };
    items.push({ name: m[1]!, at: m.index, ...(width !== undefined ? { width } : {}) });
    i = m.index + m[0].length;
    // A note on the item ("resetn (active low, synchronous)") is skipped; then a separator goes on.
    const note = /^[ \t]*\([^()\n]*\)/.exec(text.slice(i));
    if (note) i += note[0].length;
    // A `;` goes on only to the next direction's list: "inputs d and odd; output par".
    const sep = (commasOnly ? /^[ \t]*,[ \t]*/ : /^[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|;[ \t]*(?=(?:input|output)s?[ \t]+[A-Za-z_]))/).exec(text.slice(i));
    if (!sep) return { items, broken: false };
    i += sep[0].length;
  }
}

/** "(8 bits each)", ", each 4 bits", "(both 8 bit": the width a list gives all its items, right after it. */
function eachWidth(after: string): number | undefined {
  const m = /^[ \t]*(?:,[ \t]*|\([ \t]*)(?:(?:each|both|all)[ \t]+(?:of[ \t]+them[ \t]+)?)?(\d+)[ \t]*-?[ \t]*bits?[ \t]*(?:wide[ \t]*)?(each|both)?/i.exec(after);
  if (m && (m[2] || /each|both|all/i.test(m[0]))) return Number(m[1]);
  return undefined;
}

/** `p[7:0], q[7:0] -> d[7:0]`: names before an arrow are inputs, after it outputs; some item must have a range (`S0 -> S1` is a state's move). */
function arrowPorts(spec: string): LoosePort[] {
  const found: LoosePort[] = [];
  const arrow = new RegExp(`(^[ \\t]*|[:(][ \\t]*)?((?:${ID}(?:${RANGE})?[ \\t]*,[ \\t]*)*${ID}(?:${RANGE})?)\\)?[ \\t]*(?:->|=>|\\u2192)[ \\t]*`, 'g');
  for (const m of spec.matchAll(arrow)) {
    const all = itemsFrom(m[2]!, 0, true).items;
    if (all.map((p) => p.name).join() !== (m[2]!.match(new RegExp(ID, 'g')) ?? []).join()) continue;
    // After a colon, a parenthesis or at a line's start the list is whole ("ring4: clock, srst -> q[3:0]"); in a sentence
    // it starts after the last prose word ("LED driver, level[2:0] -> leds[6:0]").
    let first = all.length;
    while (first > 0 && (m[1] !== undefined || all[first - 1]!.width !== undefined || identifierLike(all[first - 1]!.name))) first--;
    const left = all.slice(first).map((p) => ({ ...p, at: p.at + (m[1]?.length ?? 0) }));
    const right = itemsFrom(spec, m.index + m[0].length, true).items;
    if (right.length === 0 || ![...left, ...right].some((p) => p.width !== undefined)) continue;
    for (const p of left) found.push({ ...p, at: m.index + p.at, dir: 'input' });
    for (const p of right) found.push({ ...p, dir: 'output' });
  }
  return found;
}

/**
 * "clk in, clk_out out", "data_in[7:0] in", "x and y in;": a direction after the name, in a list of two or more of them
 * or described ("clock in - clock"); one alone is prose as often: "data in", "(1 bit, data in)".
 */
function postfixPorts(spec: string): LoosePort[] {
  const postfix = new RegExp(`(?:^|[,;:(\\u2022*-][ \\t]*|\\band[ \\t]+)(?:(${ID})[ \\t]+and[ \\t]+)?(${ID})(${RANGE})?[ \\t]+(in|out|input|output)\\b`
    + `(?=[ \\t]*(?:[,;.)(]|$|\\band\\b|[-\\u2013][ \\t]))`, 'gim');
  const runs: (LoosePort[] & { described?: boolean })[] = [];
  let end = -1;
  for (const m of spec.matchAll(postfix)) {
    const dir: Direction = m[4]!.toLowerCase().startsWith('in') ? 'input' : 'output';
    const width = rangeWidth(m[3]);
    const ports = [m[1], m[2]].filter((name): name is string => name !== undefined && portLike(name) && !/^[A-Z][a-z]/.test(name))
      .map((name) => ({ at: m.index, name, dir, ...(width !== undefined && name === m[2] ? { width } : {}) }));
    // The same list goes on where only a separator and notes stand between two items.
    const between = end >= 0 ? spec.slice(end, m.index) : null;
    if (between !== null && /^[,;]|^and\b/.test(spec.slice(m.index)) && /^(?:[ \t]*\([^()\n]*\))?[ \t]*$/.test(between)) runs[runs.length - 1]!.push(...ports);
    else runs.push(ports);
    end = m.index + m[0].length;
    // One alone counts where a description follows it: "clock in - clock; everything happens on its rising edge".
    if (/^[ \t]+[-\u2013:][ \t]/.test(spec.slice(end))) runs[runs.length - 1]!.described = true;
  }
  return runs.filter((run) => run.length >= 2 || run.described).flat();
}

/** What may follow a list's last item: a separator, a note, "and", a relative clause, the next sentence. */
const LIST_END = /^(?:[ \t]*\([^()\n]*\))?[ \t]*(?:[,;.:=)\n]|$|(?:and|where|which|that|with)\b|[A-Z])/;
/** "a and b come in and equal, less and greater go out": lists before "come in" and "go out". */
function comeInGoOut(spec: string): LoosePort[] {
  const found: LoosePort[] = [];
  const shape = new RegExp(`(?:^|[.;:|][ \\t]*)((?:${ID}(?:${RANGE})?(?:[ \\t]*,[ \\t]*|[ \\t]+and[ \\t]+|,[ \\t]*and[ \\t]+))*${ID}(?:${RANGE})?)[ \\t]+comes?[ \\t]+in`
    + `(?:[ \\t]+and[ \\t]+((?:${ID}(?:${RANGE})?(?:[ \\t]*,[ \\t]*|[ \\t]+and[ \\t]+|,[ \\t]*and[ \\t]+))*${ID}(?:${RANGE})?)[ \\t]+goe?s?[ \\t]+out)?`, 'gim');
  for (const m of spec.matchAll(shape)) {
    for (const [list, dir] of [[m[1], 'input'], [m[2], 'output']] as const) {
      if (list === undefined) continue;
      const { items, broken } = itemsFrom(list, 0);
      const at = m.index + m[0].lastIndexOf(list);
      if (!broken) for (const p of items) found.push({ at: at + p.at, name: p.name, dir, ...(p.width !== undefined ? { width: p.width } : {}) });
    }
  }
  return found;
}

/** A direction that goes on from a list ("inputs a, b and output y"). */
const NEXT_DIRECTION = /^(input|output)s?[ \t]+(?=[A-Za-z_])/i;

/**
 * "inputs a[7:0], b[7:0] and sub", "outputs count[3:0] and tc", "with inputs a, b, s and output y": a plural direction
 * before a list in a sentence (no colon), and a direction that goes on from it.
 */
function sentenceLists(spec: string): LoosePort[] {
  const found: LoosePort[] = [];
  for (const m of spec.matchAll(/\b(inputs|outputs)[ \t]+(?=[A-Za-z_])/gi)) {
    let dir: Direction = m[1]!.toLowerCase() === 'inputs' ? 'input' : 'output';
    let at: number | undefined = m.index + m[0].length;
    while (at !== undefined) {
      const { items, broken, stopped } = itemsFrom(spec, at, false, NEXT_DIRECTION);
      if (broken) break;
      // A list ends where the sentence goes on: "outputs stay zero" lists nothing, "inputs a and b are unsigned" only `a`.
      const last = items[items.length - 1];
      const after = last ? spec.slice(last.at + last.name.length).replace(/^\[[^\]\n]*\]/, '') : '';
      if (stopped === undefined && last && !LIST_END.test(after)) items.pop();
      const each = last ? eachWidth(after) : undefined;
      for (const p of items) found.push({ at: p.at, name: p.name, dir, ...(p.width !== undefined ? { width: p.width } : each !== undefined ? { width: each } : {}) });
      const next = stopped === undefined ? null : NEXT_DIRECTION.exec(spec.slice(stopped));
      dir = next?.[1]!.toLowerCase() === 'input' ? 'input' : 'output';
      at = next ? stopped! + next[0].length : undefined;
    }
  }
  return found;
}

/** "req is the 13-bit input (requests)". */
const THE_N_BIT = new RegExp(`\\b(${ID})[ \\t]+is[ \\t]+(?:the|an?)[ \\t]+(\\d+)-bits?[ \\t]+(input|output)\\b`, 'gi');

/**
 * "Output vend is registered", "Input in is 29 bits wide", "one output in_win.", "req is the 13-bit input": a single
 * declaration in prose, at a sentence's start or counted.
 */
function sentenceDeclarations(spec: string): LoosePort[] {
  const found: LoosePort[] = [];
  const declaration = new RegExp(`(?:(?:^|[.;][ \\t]+|\\n[ \\t]*)(input|output)[ \\t]+(${ID})(${RANGE})?[ \\t]+(?:is|goes|must|should|will|=)\\b(?:[ \\t]+(\\d+)[ \\t]+bits?[ \\t]+wide\\b)?`
    + `|\\b(?:one|a single)[ \\t]+(input|output)[ \\t]+(${ID})(${RANGE})?(?=[ \\t]*(?:[.;,]|$)))`, 'gim');
  for (const m of spec.matchAll(THE_N_BIT)) found.push({ at: m.index, name: m[1]!, dir: m[3]!.toLowerCase() as Direction, width: Number(m[2]) });
  for (const m of spec.matchAll(declaration)) {
    const name = m[2] ?? m[6]!;
    // Any word may be the name here ("Input in is ..."), but no article ("Output a pulse is ...").
    if (/^(?:a|an|the|its|this|each|every)$/i.test(name)) continue;
    const width = m[4] !== undefined ? Number(m[4]) : rangeWidth(m[3] ?? m[7]);
    found.push({ at: m.index, name, dir: (m[1] ?? m[5])!.toLowerCase() as Direction, ...(width !== undefined ? { width } : {}) });
  }
  return found;
}

/** "digit is 4 bits", "binary and addr_dawn are 20 bits each", "clock and srst are 1 bit each": widths stated for names. */
export function statedWidths(spec: string): [string, number][] {
  const found: [string, number][] = [];
  const stated = new RegExp(`(?:^|[.;,:|][ \\t]*)((?:${ID}(?:[ \\t]*,[ \\t]*|[ \\t]+and[ \\t]+|,[ \\t]*and[ \\t]+))*${ID})[ \\t]+(is|are)[ \\t]+(?:(?:signed|unsigned)[ \\t]+)?(\\d+)[ \\t]+bits?(?:[ \\t]+(?:each|wide))?\\b`, 'gim');
  for (const m of spec.matchAll(stated)) {
    const { items, broken } = itemsFrom(m[1]!, 0);
    // "are N bits" needs a list or "each"; "is N bits" one name.
    if (broken || items.length === 0 || (m[2] === 'is') !== (items.length === 1)) continue;
    for (const p of items) found.push([p.name, Number(m[3])]);
  }
  return found;
}

/** The ports the loose shapes give, in the order found. */
export function loosePorts(spec: string): LoosePort[] {
  const found = [...arrowPorts(spec), ...postfixPorts(spec), ...comeInGoOut(spec), ...sentenceLists(spec), ...sentenceDeclarations(spec)];
  // Shapes overlap ("inputs m, n, outputs hi" is one list going on and another starting): each port once.
  const seen = new Set<string>();
  return found.sort((a, b) => a.at - b.at).filter((p) => {
    const key = `${p.name}|${p.dir}|${p.width ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
}
