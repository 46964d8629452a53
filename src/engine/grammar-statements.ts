/**
 * Where a statement stands (grammar.ts): what may begin one, what may follow its first name,
 * what a declaration holds. A small model that has lost its way writes `input [7:0] ;`,
 * `3'd0;`, `q + 7'd1;`, `posedge q <= 0;`, `a <= b, c;` where a statement begins; each is
 * dead. Only the outermost level (no bracket open) is read here; a case item's label, an
 * expression, is held only to ending in its `:`.
 */

import type { Grammar } from './grammar-state.js';
import { EVENT_KEYWORDS } from './grammar-words.js';

/**
 * The phase of the statement being written:
 * `start` (nothing yet), `label` (a block's name after `begin :`), `lhs` (after its first name:
 * an assignment, a call or an instance follows), `op` (an operator after that name: an
 * assignment's `+=`, `<=`, `<<=`), `decl` (after a declaration's keywords, before its name),
 * `declname` (after a declared name), `declrhs` (a declarator's initial value), `procrhs` (a
 * procedural assignment's value: no `,`), `cond` (`if`, `for`, `while` before its `(...)`),
 * `casecond` (the same for `case`), `event` (after `@`), `item` (a case item's label: an
 * expression, then its `:`), `free` (not checked: a call, an instance, a header).
 */
export type Phase = 'start' | 'label' | 'lhs' | 'op' | 'decl' | 'declname' | 'declrhs' | 'procrhs' | 'cond' | 'casecond' | 'event' | 'item' | 'free';

/** Keywords that declare: a name follows them (after more of them and ranges). */
export const DECLARES = new Set(`input output inout reg wire logic integer real realtime time genvar parameter localparam specparam tri tri0 tri1
triand trior trireg wand wor supply0 supply1 uwire bit byte shortint int longint shortreal var signed unsigned const static automatic
scalared vectored string event`.split(/\s+/));
/** SystemVerilog's keywords that make a declaration's type: the only other keywords a declaration holds. */
const TYPE_MAKERS = new Set(['enum', 'struct', 'union', 'packed', 'type']);
/** Keywords after which a statement begins. */
const THEN_STATEMENT = new Set('else always always_ff always_comb always_latch initial final forever do unique unique0 priority generate endgenerate endfunction endtask assign'.split(' '));
/** Keywords whose `(...)` comes next, then a statement. */
const THEN_CONDITION = new Set('if while for repeat wait foreach'.split(' '));
const CASES = new Set('case casez casex randcase'.split(' '));
/** Keywords a block's name (`begin : name`) may follow. */
export const NAMED = new Set('begin end fork join join_any join_none endcase endmodule endfunction endtask endgenerate endinterface endpackage endprogram'.split(' '));

/** The character that stands for a depth of blocks in `ifs`. */
const depthChar = (depth: number): string => String.fromCharCode(48 + depth);

/**
 * Where a statement ends, or a block: the next begins, or a case item's label where a case body is
 * open. The `if`s at this depth end with it: an `else` may follow.
 */
function next(g: Grammar): void {
  g.phase = g.blocks.endsWith('c') ? 'item' : 'start';
  const depth = depthChar(g.blocks.length);
  let open = [...g.ifs].filter((d) => d <= depth).join('');
  g.elses = 0;
  while (open.endsWith(depth)) {
    open = open.slice(0, -1);
    g.elses++;
  }
  g.ifs = open;
}

/** A character at the outermost level (not whitespace, nor a comment's second character): false where it is dead. */
export function statementChar(g: Grammar, c: string): boolean {
  const word = /[A-Za-z_0-9$`'\\]/.test(c);
  if (!word) g.elses = 0; // only an `else` takes an ended `if`'s place (a `;` ending an `if` sets it again below)
  switch (g.phase) {
    case 'start':
      if (word) return !/[0-9']/.test(c);
      if (c === ':') {
        if (!NAMED.has(g.last)) return false;
        g.phase = 'label';
        return true;
      }
      if (c === '{') g.phase = 'lhs'; // a concatenation assigned to
      else if (c === '@') g.phase = 'event';
      else if (c === '#') g.phase = 'free';
      else if (c === '-') g.phase = 'op'; // `-> event;`
      else if (c === ';') next(g);
      return ';{(@#/-'.includes(c);
    case 'label':
      return word && /[A-Za-z_\\]/.test(c);
    case 'lhs':
      if (word) {
        // A second name: an instance, or a declaration of a named type; never after `assign`.
        return /[A-Za-z_\\`]/.test(c) && !g.assign;
      }
      if (c === '=') return g.prev !== '='; // `==` where a statement begins compares nothing
      if ('<>+-*%&|^'.includes(c)) {
        g.phase = 'op';
        return true;
      }
      if (c === '(' || c === '#') g.phase = 'free';
      else if (c === ';') next(g);
      return '[.(#;/'.includes(c);
    case 'op':
      // `<=`, `+=`, `<<=`, `>>>=`; `++` and `--`: one operator, no space inside (`+ =`).
      if (/\s/.test(g.prev)) return false;
      if (c === '=') return true;
      if (c === g.prev && '<>'.includes(c)) return true;
      if (c === '>' && g.prev === '-') {
        g.phase = 'free';
        return true;
      }
      if (c === g.prev && '+-'.includes(c)) {
        g.phase = 'free';
        return true;
      }
      return false;
    case 'decl':
      if (word) return /[A-Za-z_\\`]/.test(c);
      if (c === '#') g.phase = 'free';
      return '[#/'.includes(c);
    case 'declname':
      if (c === ',') g.phase = 'decl';
      else if (c === ';') next(g);
      return '[=,;/'.includes(c);
    case 'declrhs':
    case 'procrhs':
      if (c === ';') next(g);
      if (c === ',' && g.levels[0]!.ternary === 0) {
        if (g.phase === 'procrhs') return false; // `a <= b, c;`
        g.phase = 'decl';
      }
      return true;
    case 'cond':
    case 'casecond':
      return c === '(' || c === '/';
    case 'event':
      if (c === '*') g.phase = 'start';
      return word ? /[A-Za-z_\\]/.test(c) : '(*/'.includes(c);
    case 'item':
      if (c === ':' && g.levels[0]!.ternary === 0) g.phase = 'start'; // the label ends; its statement follows
      return c !== ';'; // `3'd0;` is no case item
    case 'free':
      if (c === ';') next(g);
      return true;
  }
}

/** A word ends at the outermost level: a keyword moves the statement on; a name is what the phase expects. */
export function statementWord(g: Grammar, word: string, keyword: boolean, before: string): boolean {
  if (word !== 'else') g.elses = 0;
  if (word === 'fork' && (before === 'disable' || before === 'wait')) return true; // no block: the processes forked
  // SystemVerilog's `always_comb` and kin move the statement on as keywords do.
  if (keyword || THEN_STATEMENT.has(word)) return statementKeyword(g, word);
  switch (g.phase) {
    case 'start':
      g.phase = word[0] === '$' || word[0] === '`' ? 'free' : 'lhs';
      return true;
    case 'lhs':
      g.phase = 'free';
      return true;
    case 'decl':
      g.phase = word[0] === '`' ? 'free' : 'declname';
      return true;
    case 'label':
    case 'event':
      g.phase = 'start';
      return true;
    default:
      return true;
  }
}

function statementKeyword(g: Grammar, word: string): boolean {
  const phase = g.phase;
  if (phase === 'lhs' || phase === 'label' || phase === 'event' || phase === 'cond' || phase === 'casecond') return false;
  if (phase === 'decl') {
    if (DECLARES.has(word)) return true;
    // `enum`, `struct`, `type`: declarations the phases do not follow; no other keyword (`reg [7:0] cnt, always`).
    g.phase = 'free';
    return TYPE_MAKERS.has(word);
  }
  if (phase === 'start' && EVENT_KEYWORDS.has(word)) return false;
  // `scalared` and `vectored` come after a net's type (`wire vectored [7:0] w`), never first.
  if (phase === 'start' && (word === 'scalared' || word === 'vectored')) return false;
  // A signing needs a type or a direction first (`reg signed`, `input signed`): `signed x;` declares nothing.
  if (phase === 'start' && (word === 'signed' || word === 'unsigned')) return false;
  // No module inside a block (`begin ... macromodule`).
  if ((word === 'module' || word === 'macromodule') && g.blocks !== '') return false;
  // An `else` follows an `if`'s statement (`a <= b; else` is dead).
  if (word === 'else') {
    if (g.elses === 0) return false;
    g.elses = 0;
  }
  if (word === 'if') g.ifs += depthChar(g.blocks.length);
  // Blocks are followed in every phase: a case body's labels are told from statements by them.
  if (word === 'begin' || word === 'fork') {
    g.blocks += 'b';
    g.phase = 'start';
  } else if (word === 'end' || word.startsWith('join')) {
    if (!g.blocks.endsWith('b')) return false; // no `begin` to end (or a case's: `endcase`)
    g.blocks = g.blocks.slice(0, -1);
    next(g);
  } else if (CASES.has(word)) {
    g.blocks += 'c';
    g.phase = 'casecond';
  } else if (word === 'endcase') {
    if (!g.blocks.endsWith('c')) return false;
    g.blocks = g.blocks.slice(0, -1);
    next(g);
  } else if (word === 'module' || word === 'endmodule' || word === 'macromodule') {
    g.blocks = '';
    g.ifs = '';
    g.module = word !== 'endmodule';
    g.phase = word === 'endmodule' ? 'start' : 'free';
  } else if (THEN_CONDITION.has(word)) g.phase = 'cond';
  else if (THEN_STATEMENT.has(word)) g.phase = 'start';
  else if (phase === 'start' && DECLARES.has(word)) g.phase = 'decl';
  else if (phase === 'start') g.phase = 'free';
  return true;
}

/** A bracket closed back to the outermost level: a condition or an event is followed by its statement. */
export function statementClosed(g: Grammar): void {
  if (g.phase === 'cond' || g.phase === 'event') g.phase = 'start';
  else if (g.phase === 'casecond') g.phase = 'item';
}

/** An assignment at the outermost level: what follows is its value. */
export function statementAssigned(g: Grammar): void {
  if (g.phase === 'declname') g.phase = 'declrhs';
  else if (g.phase === 'lhs' || g.phase === 'op') g.phase = g.assign ? 'free' : 'procrhs';
}

/** Whether the text may end in this phase: after a statement, with every block and the module closed. */
export function statementEnds(g: Grammar): boolean {
  // The text may end in the `endmodule` it is writing (the end of output ends that word).
  return (g.phase === 'start' || (g.phase === 'label' && g.word !== '')) && g.blocks === '' && (!g.module || g.word === 'endmodule');
}

/** The part of a state's key that decides what may follow. */
export function statementKey(g: Grammar): string {
  // The `if`s by how far out they stand: the ones a `;` or an `end` would end.
  const depth = g.blocks.length;
  const ifs = [...g.ifs.slice(-3)].map((d) => depth - (d.charCodeAt(0) - 48)).join(',');
  return `${g.phase}${g.blocks.slice(-2)}${g.module ? 'm' : ''}|${ifs}|${g.elses > 0 ? 'e' : ''}`;
}

/**
 * Whether a number written so far can still be a Verilog number: one base, digits of that base,
 * no more digits than its size holds (`4'b00000` or `2'd0'd0` are dead), no size 0.
 */
export function numberMayGoOn(word: string): boolean {
  if (!NUMBER.test(word)) return false;
  const sized = /^([0-9_]+)'[sS]?([bBoOhHdD])\s*([0-9a-zA-Z_?]*)$/.exec(word);
  if (!sized) return !/^[0_]+'/.test(word);
  const size = Number(sized[1]!.replace(/_/g, ''));
  if (!(size > 0)) return false;
  const base = sized[2]!.toLowerCase();
  const digits = sized[3]!.replace(/_/g, '').length;
  return digits <= digitsHeld(size, base);
}

/** The digits a number of `size` bits holds in `base`; a decimal may have a leading zero more (`2'd00`). */
function digitsHeld(size: number, base: string): number {
  if (base === 'b') return size;
  if (base === 'o') return Math.ceil(size / 3);
  if (base === 'h') return Math.ceil(size / 4);
  return (size > 64 ? 20 : String(2 ** size - 1).length) + 1;
}

const NUMBER = /^(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][0-9_]*)?|(?:[0-9][0-9_]*)?'(?:[sS]?(?:[bB]\s*[01xXzZ?_]*|[oO]\s*[0-7xXzZ?_]*|[hH]\s*[0-9a-fA-FxXzZ?_]*|[dD]\s*(?:[0-9_]*|[xXzZ?]_*))?|[01xXzZ])?)$/;

/** What decides which characters may go on a number: its base, whether its digits began, how many more fit. */
export function numberKey(word: string): string {
  const quote = word.indexOf("'");
  if (quote < 0) return `u${+word.includes('.')}${+/[eE]/.test(word)}${+/^[0_]+$/.test(word)}`;
  const m = /^'([sS]?)([bBoOhHdD]?)(\s*)(.*)$/.exec(word.slice(quote))!;
  if (!m[2]) return `'${m[1] ? 's' : ''}${m[4] ? 'f' : ''}`;
  const base = m[2].toLowerCase();
  const size = Number(word.slice(0, quote).replace(/_/g, ''));
  const digits = m[4]!.replace(/_/g, '').length;
  const most = quote === 0 ? Infinity : digitsHeld(size, base);
  return `${base}${+(m[4] !== '')}${+(m[3] !== '')}${+/^[xXzZ?]/.test(m[4]!)}${Math.min(most - digits, 17)}`;
}
