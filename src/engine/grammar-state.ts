/** The state of the grammar a decoder keeps to (grammar.ts): what has been written, as far as what may follow depends on it. */

import type { Phase } from './grammar-statements.js';

/** What a bracket was opened for, which decides what may stand inside it. */
export type Kind = 'statement' | 'ports' | 'list' | 'delay' | 'event' | 'cond' | 'for' | 'expr' | 'index' | 'concat' | 'members' | 'strength';

export interface Level {
  kind: Kind;
  /** An assignment's `=` (or `<=`) was written at this level: an expression follows, up to `,` or `;`. */
  rhs: boolean;
  /** `?` still waiting for their `:`. */
  ternary: number;
  /** `;` written inside a `for (...)`: two, then it may close; in an index, the `:` written. */
  semis: number;
}

/** The state after some text: a small value, copied per token that is tried. */
export interface Grammar {
  levels: Level[];
  /** An `assign` statement before its `=`. */
  assign: boolean;
  /** A SystemVerilog `enum`, `struct` or `union` before its `{`: the braces hold members, not a concatenation. */
  members: boolean;
  /** The word being written (identifier, keyword, number, `$task`, `` `macro ``, `\escaped`), '' between words. */
  word: string;
  /** The last complete word or punctuation: what a `(` opens depends on it. */
  last: string;
  /** The character before this one (operators are made of two: `==`, `<=`, `+:`). */
  prev: string;
  /** A lone `=` whose next character decides: `==` (a comparison) or an assignment. */
  eq: boolean;
  /** The `=`, `!`, `<`, `>` just written: the operator they are on their way to (`==`, `!==`, `<=`). */
  run: string;
  /** The expression's last token is an operand (a name, a number, a closing bracket): no operand may follow. */
  operand: boolean;
  /** After `#`: its number is a delay, and a statement or expression follows it. */
  delay: boolean;
  /** A `'` glued to a name (`W'`): only a cast, `W'(x)` or `T'{...}`, may follow; `bytes'd0` is no number. */
  cast: boolean;
  /** The last word is a keyword: no assignment may follow it. */
  keyword: boolean;
  /** The module's header: 1 after `module`, 2 after its name (a `(` then opens its ports), 0 elsewhere. */
  header: number;
  /** The module's port list has closed: a `;` comes next. */
  semi: boolean;
  /** At a `/`: the operand state and last word before it, which stand if it starts a comment. */
  slash: { operand: boolean; last: string };
  /** Inside a comment, a string or a specify block: its grammar is not checked. */
  skip: '' | 'line' | 'block' | 'string' | 'specify' | 'attribute';
  /** Where the statement at the outermost level stands (grammar-statements.ts). */
  phase: Phase;
  /** The blocks open, innermost last: `b` a `begin` (or `fork`), `c` a case body. */
  blocks: string;
  /** A module is open: the output may not end before its `endmodule`. */
  module: boolean;
  /** The `if`s whose statement is still being written, by the depth of blocks they stand at (a character each). */
  ifs: string;
  /** `if`s whose statement has just ended: an `else` may follow (one of them takes it). */
  elses: number;
  /** Whether a comment may open. Read code has them; a decoder writes none (grammar-rows.ts says why). */
  comments: boolean;
}

export function startGrammar(comments = true): Grammar {
  return { levels: [{ kind: 'statement', rhs: false, ternary: 0, semis: 0 }], assign: false, members: false, word: '', last: '', prev: '', eq: false, run: '', operand: false, delay: false, cast: false, keyword: false, header: 0, semi: false, slash: { operand: false, last: '' }, skip: '', phase: 'start', blocks: '', module: false, ifs: '', elses: 0, comments };
}
