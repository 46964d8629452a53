/**
 * The grammar a decoder keeps to as it writes: brackets that match, a `:`
 * for every `?`, one assignment per statement, no `;` inside an open
 * bracket or a pending `?:`, no keyword inside an expression, an `assign`
 * with its `=`. A small model that has lost its way writes
 * `assign y = (s == 2'd0;` or `sel ? a : b : c` or `(signed = (signed ...`
 * and then goes on until the token limit; every such prefix is dead, and a
 * token that makes one is ruled out (logit bias -inf) like a name the spec
 * does not allow.
 *
 * The check reads the text character by character (comments, strings,
 * numbers and directives skipped as Verilog's lexer skips them) and keeps a
 * stack of open brackets, each with what opened it. It rules out only what
 * is wrong in every Verilog-2005/SystemVerilog context: where it is unsure,
 * it allows.
 */

import { continuesWord, DIRECTIVES, EVENT_KEYWORDS, skipped } from './grammar-words.js';
import { DECLARES, numberMayGoOn, statementAssigned, statementChar, statementClosed, statementEnds, statementWord } from './grammar-statements.js';
import { startGrammar, type Grammar, type Kind, type Level } from './grammar-state.js';
import { RESERVED, SV_RESERVED } from './uses.js';

/** Keywords of an event control, `@(posedge clk or negedge rst_n)`. */
export const EVENT_WORDS = new Set(['posedge', 'negedge', 'edge', 'or']);
/** Keywords after which a `(` holds a condition (or a loop's header). */
export const CONDITIONS = new Set(['if', 'case', 'casez', 'casex', 'while', 'repeat', 'wait']);
/** Characters that stand between operands, or close them: never where an operand is owed. */
const BINARY = ')]};,?:*%<>=';
/** Such a character that goes on the operator before it: `**`, `<<`, `>>`, `==`, `!=`, `<=`, `>=`, `+:`, `-:`, `==?`. */
const CONTINUES: Record<string, string> = { '*': '*', '<': '<', '>': '>', '=': '=!<>', ':': '+-', '?': '=' };
/** Runs of `=`, `!`, `<`, `>` that end in `=` and are an operator. */
const EQUALS = new Set(['=', '==', '===', '!=', '!==', '<=', '>=', '<<=', '>>=', '<<<=', '>>>=']);
const CLOSERS: Record<string, Kind[]> = { ')': ['ports', 'list', 'delay', 'event', 'cond', 'for', 'expr', 'strength'], ']': ['index'], '}': ['concat', 'members'] };
/**
 * Verilog-2005's data and net types, and signing: in a declaration they come before its range,
 * never after it or after `signed`. (SystemVerilog's `logic`, `bit`, `byte`, `int` are names in
 * Verilog: `output [4:0] byte` declares one.)
 */
export const TYPE_WORDS = new Set('reg wire integer signed unsigned tri tri0 tri1 wand wor triand trior trireg uwire'.split(' '));
/** Whether `word` makes an input a variable (`input reg`): an input or inout is a net. */
export const inputVariable = (before: string, word: string): boolean => word === 'reg' && (before === 'input' || before === 'inout');
/** Whether a type word after `before` is out of order: after a declaration's range or signing. */
export const typeClosed = (before: string): boolean => before === ']' || before === 'signed' || before === 'unsigned';
/** Drive strengths: all an `assign (` may hold (`assign (strong0, weak1) y = a;`). */
const STRENGTHS = ['supply0', 'strong0', 'pull0', 'weak0', 'highz0', 'supply1', 'strong1', 'pull1', 'weak1', 'highz1'];


export { startGrammar, type Grammar };

/** Feeds `text` to `g` (in place); false where the text breaks the grammar (`g` is then spoilt). */
export function advance(g: Grammar, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!step(g, text[i]!)) return false;
  return true;
}

/** Whether the text may end here: no open bracket, statement, comment or string. */
export function mayEnd(g: Grammar): boolean {
  const top = g.levels[0]!;
  return g.levels.length === 1 && !top.rhs && top.ternary === 0 && !g.assign && !g.eq && (g.skip === '' || g.skip === 'line') && statementEnds(g);
}

function top(g: Grammar): Level {
  return g.levels[g.levels.length - 1]!;
}

/**
 * The keywords a name may be here: none in an expression, as what `assign` assigns or after an
 * edge (`@(posedge clk`); an event's in an event; where a statement begins, all but an edge or
 * a signing (and inside a block, a module).
 */
export function keywordsHere(g: Grammar): Keywords {
  if (inExpression(g) || g.last === 'assign') return 'none';
  if (top(g).kind === 'event') return EVENT_KEYWORDS.has(g.last) ? 'none' : 'event';
  if (g.levels.length > 1 || g.phase !== 'start') return 'all';
  return g.blocks === '' ? 'statement' : 'block';
}

export type Keywords = 'all' | 'statement' | 'block' | 'event' | 'none';

/**
 * The block words the grammar refuses where a statement begins here: `else` with no `if` just
 * ended, `end` with no `begin` open, `endcase` with no case. The names' row leaves them out too:
 * where it allowed `el` on its way to an `else` the grammar refuses, the two rows agreed on nothing
 * and the grammar gave way.
 */
export function deadBlockWords(g: Grammar): string[] {
  const dead: string[] = [];
  if (g.elses === 0) dead.push('else');
  if (!g.blocks.endsWith('b')) dead.push('end');
  if (!g.blocks.endsWith('c')) dead.push('endcase');
  return dead;
}

export function inExpression(g: Grammar): boolean {
  const kind = top(g).kind;
  return kind === 'cond' || kind === 'expr' || kind === 'index' || kind === 'concat' || g.levels.some((l) => l.rhs);
}

function step(g: Grammar, c: string): boolean {
  if (g.skip) return skipped(g, c);
  // A lone `=` before this character: `==` or an assignment.
  if (g.eq) {
    g.eq = false;
    if (c !== '=' && !assignment(g)) return false;
  }
  g.run = '=!<>'.includes(c) ? g.run + c : '';
  if (g.word) {
    if (continuesWord(g.word, c)) {
      if (g.cast) return false; // `bytes'd0`: a size is a number or a macro (`` `W'd0 ``)
      g.word += c;
      g.prev = c;
      if (top(g).kind === 'strength') return STRENGTHS.some((w) => w.startsWith(g.word));
      return !/^[0-9']/.test(g.word) || numberMayGoOn(g.word);
    }
    if (!endWord(g)) return false;
    if (g.skip) return skipped(g, c); // a directive's line
  }
  const ok = symbol(g, c);
  // A comment or attribute just opened: its `*` closes nothing (`/*/` is no comment).
  const opened = g.skip as Grammar['skip'];
  g.prev = opened === 'block' || opened === 'attribute' ? '' : c;
  return ok;
}

/** A word ends: a keyword must be where keywords go; at the outermost level, where the statement stands. */
function endWord(g: Grammar): boolean {
  const word = g.word;
  const before = g.last;
  g.word = '';
  g.last = word;
  g.cast = false;
  // The number after `#` is a delay: what follows it is no second operand.
  g.operand = !g.delay;
  g.delay = false;
  if (DIRECTIVES.has(word) || word === 'specify') {
    g.skip = word === 'specify' ? 'specify' : 'line';
    return true;
  }
  if (word === '\\') return false; // an escaped name has a character at least (`\ = a` names nothing)
  g.keyword = RESERVED.has(word) || SV_RESERVED.has(word);
  if (g.header === 1) g.header = 2; // the module's name
  if (!keywordFits(g, word, before)) return false;
  return g.levels.length > 1 || statementWord(g, word, g.keyword, before);
}

function keywordFits(g: Grammar, word: string, before: string): boolean {
  if (!g.keyword) return top(g).kind !== 'strength';
  // After a range or a signing comes the name: no type or declaration there (`output [4:0] reg q`,
  // `input signed wire a`, `output [4:0] output`).
  if (DECLARES.has(word) && typeClosed(before)) return false;
  // An input is a net: `input reg` declares nothing iverilog takes.
  if (inputVariable(before, word)) return false;
  // A port list holds declarations: no other keyword (`output [53:0] always`).
  if (top(g).kind === 'ports' && !DECLARES.has(word)) return false;
  // In an event, `posedge` and `or` each follow a signal (or the `(`): `@(posedge posedge` is dead.
  if (top(g).kind === 'event') return EVENT_WORDS.has(word) && (word === 'or' ? !EVENT_WORDS.has(before) && before !== '(' : !EVENT_WORDS.has(before) || before === 'or');
  // No keyword in an expression, or as what `assign` assigns.
  if (inExpression(g) || (before === 'assign' && g.levels.length === 1)) return false;
  if (word === 'module' && g.levels.length === 1) g.header = 1;
  if (word === 'assign' && g.levels.length === 1) g.assign = true;
  if (word === 'enum' || word === 'struct' || word === 'union') g.members = true;
  return true;
}

function symbol(g: Grammar, c: string): boolean {
  const level = top(g);
  if (g.semi && !/[\s;/]/.test(c) && !(c === '*' && g.prev === '/')) return false; // `module m (...)` then `;`
  const comment = (c === '/' || c === '*') && g.prev === '/';
  if (g.levels.length === 1 && !comment && !/\s/.test(c) && !statementChar(g, c)) return false;
  if (level.kind === 'strength' && !/[\s,)A-Za-z]/.test(c)) return false;
  if (/[A-Za-z_0-9$`'\\]/.test(c)) {
    // Two operands in a row (`(w - 1) q`, `a b`); a size glued to its base (`` `W'd0 ``) or a cast (`W'(x)`) is one.
    const glued = c === "'" && /[A-Za-z0-9_$]/.test(g.prev);
    if (g.operand && inExpression(g) && !glued) return false;
    if (level.kind === 'strength' && !STRENGTHS.some((w) => w.startsWith(c))) return false;
    g.cast = glued && g.last[0] !== '`';
    g.word = c;
    return true;
  }
  if (c === '"') {
    g.skip = 'string';
    return true;
  }
  if ((c === '/' || c === '*') && g.prev === '/') {
    if (!g.comments) return false;
    // A comment, not a division: what came before the `/` stands.
    g.skip = c === '/' ? 'line' : 'block';
    g.operand = g.slash.operand;
    g.last = g.slash.last;
    return true;
  }
  if (c === '*' && g.prev === '(' && top(g).kind !== 'event') {
    // An attribute, `(* full_case *)`: no bracket, and an operand or a statement follows it.
    g.levels.pop();
    g.skip = 'attribute';
    g.prev = '';
    g.operand = false;
    return true;
  }
  if (/\s/.test(c)) return true;
  // An operator or a closer where an operand is owed (`a == )`, `= ;`), unless it goes on an operator (`==`, `**`, `+:`)
  // or closes a call with no arguments (`f()`).
  if (!g.operand && inExpression(g) && BINARY.includes(c) && !(g.prev !== '' && (CONTINUES[c] ?? '').includes(g.prev)) && !(c === ')' && g.prev === '(')) return false;
  // An index follows what it indexes (`{a, [2:1]}`, `d[[7]` index nothing).
  if (c === '[' && !g.operand && inExpression(g)) return false;
  // An edge is followed by its signal (`negedge )`), a strength list holds strengths (`assign ( ,`).
  if ((c === ')' || c === ',') && ((top(g).kind === 'event' && EVENT_KEYWORDS.has(g.last)) || (top(g).kind === 'strength' && !STRENGTHS.includes(g.last)))) return false;
  if (c === '/') g.slash = { operand: g.operand, last: g.last };
  g.operand = ')]}'.includes(c);
  if (c !== '<' && c !== '=') g.keyword = false;
  if (c === '#') g.delay = true;
  let ok = true;
  switch (c) {
    case '=':
      ok = EQUALS.has(g.run);
      if (!ok || g.run === '==' || g.run === '===' || g.run === '!=' || g.run === '!==' || g.run === '>=') break;
      if (g.run === '<=') ok = nonblocking(g);
      else if (g.run !== '=' || /[+\-*/%&|^]/.test(g.prev)) ok = assignment(g); // `+=`, `<<=` and their kin
      else g.eq = true;
      break;
    case '(':
      g.levels.push({ kind: g.header === 2 && g.levels.length === 1 && g.last !== '#' ? 'ports' : parenKind(g), rhs: false, ternary: 0, semis: 0 });
      g.delay = false;
      break;
    case '[':
      g.levels.push({ kind: 'index', rhs: false, ternary: 0, semis: 0 });
      break;
    case '{':
      g.levels.push({ kind: g.members ? 'members' : 'concat', rhs: false, ternary: 0, semis: 0 });
      g.members = false;
      break;
    case ')':
    case ']':
    case '}':
      ok = g.levels.length > 1 && CLOSERS[c]!.includes(level.kind) && level.ternary === 0 && (level.kind !== 'for' || level.semis === 2);
      if (ok) g.levels.pop();
      if (ok && g.levels.length === 1) statementClosed(g);
      if (ok && level.kind === 'ports') g.semi = true;
      if (ok && level.kind === 'delay') g.operand = false; // `q <= #(1) d`: the delay, then the operand
      break;
    case '?':
      if (g.prev !== '=') level.ternary++; // `==?` and `!=?` compare, they start no `?:`
      break;
    case ':':
      ok = colon(g, level);
      break;
    case ',':
      // `[lo, hi]` indexes nothing; `if (a, b)` tests nothing.
      ok = level.ternary === 0 && level.kind !== 'index' && level.kind !== 'cond';
      level.rhs = false;
      break;
    case ';':
      ok = semicolon(g, level);
      break;
  }
  g.last = c;
  return ok;
}

/** What a `(` opens, from what came before it. */
function parenKind(g: Grammar): Kind {
  const before = g.last;
  if (before === 'assign' && g.levels.length === 1) return 'strength';
  if (before === '#') return inExpression(g) ? 'delay' : 'list';
  if (before === '@') return 'event';
  if (CONDITIONS.has(before)) return 'cond';
  if (before === 'for') return 'for';
  if (inExpression(g)) return 'expr';
  // A module's or an instance's ports, a task call, an attribute: lists of their own.
  return /^[A-Za-z_$\\)\]]/.test(before) || before === '' || before === ';' ? 'list' : 'expr';
}

/** An assignment's `=`: one per statement (or per declarator of a list), never inside an expression. */
function assignment(g: Grammar): boolean {
  const kind = top(g).kind;
  if (g.keyword || g.levels.some((l) => l.rhs) || !(kind === 'statement' || kind === 'for' || kind === 'list' || kind === 'ports' || kind === 'members')) return false;
  top(g).rhs = true;
  if (g.levels.length === 1) statementAssigned(g);
  g.assign = false;
  return true;
}

/** `<=`: a nonblocking assignment where a statement begins, a comparison anywhere else. */
function nonblocking(g: Grammar): boolean {
  const kind = top(g).kind;
  if (g.keyword) return false; // `reg <= 0`
  if (!g.levels.some((l) => l.rhs) && (kind === 'statement' || kind === 'for')) {
    top(g).rhs = true;
    if (g.levels.length === 1) statementAssigned(g);
  }
  return true;
}

function colon(g: Grammar, level: Level): boolean {
  if (level.ternary > 0) {
    level.ternary--;
    return true;
  }
  // A range or part select (`[7:0]`, `[i +: 4]`), a min:typ:max delay; a case label or block name where a statement begins.
  // One range per index: `[7:0]`, not `[219:19:0]` (its `semis` count the colons).
  if (level.kind === 'index') return level.semis++ === 0;
  return level.kind === 'list' || level.kind === 'members' || (g.levels.length === 1 && !level.rhs);
}

function semicolon(g: Grammar, level: Level): boolean {
  if (level.ternary > 0) return false;
  if (g.levels.length === 1 || level.kind === 'members') {
    if (g.assign) return false; // `assign y;`
    level.rhs = false;
    g.members = false;
    g.semi = false;
    g.header = 0;
    return true;
  }
  if (level.kind === 'for' && level.semis < 2) {
    level.semis++;
    level.rhs = false;
    return true;
  }
  return false;
}
