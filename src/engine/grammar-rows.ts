import { advance, CONDITIONS, deadBlockWords, inputVariable, mayEnd, startGrammar, typeClosed, TYPE_WORDS, type Grammar } from './grammar.js';
import { DIRECTIVES, EVENT_KEYWORDS } from './grammar-words.js';
import { NAMED, numberKey, statementKey } from './grammar-statements.js';
import { RESERVED, SV_RESERVED } from './uses.js';

/** Rows by state key, per vocabulary: they depend on nothing else, so every decode shares them. */
const shared = new WeakMap<readonly string[], Map<string, Float32Array | null>>();
/** Per vocabulary, each token's stand-in (see `standIn`), or null where it is tried as it is. */
const standIns = new WeakMap<readonly string[], (string | null)[]>();

/**
 * A token that the grammar reads as it reads a shorter one: an identifier or a number, after
 * spaces or a line break or nothing. Within a token such a word never ends, so no keyword is
 * read, and every token of one shape is allowed or ruled out together (except on a number being
 * written, whose digits are read one by one). Most of a code
 * vocabulary has one of these shapes: a row tries the shapes once and the other tokens.
 */
function standIn(piece: string): string | null {
  const m = /^([ \t]*)(\n?)[ \t\n]*([A-Za-z_][A-Za-z0-9_]*|[0-9]+|)$/.exec(piece);
  if (!m || piece === '' || DEAD_WORDS.has(m[3]!)) return null;
  const space = m[2] ? '\n' : m[1] ? ' ' : '';
  const word = m[3] === '' ? '' : /^[0-9]/.test(m[3]!) ? '0' : 'a';
  return space + word;
}

/** Words a token may not end in where they may not stand (`deadWord`): the edges but `edge`, a common start of a name. */
const EDGES = new Set([...EVENT_KEYWORDS].filter((k) => k !== 'edge'));
/** Directions: no declaration starts after a range or a signing. */
const DIRECTIONS = new Set(['input', 'output', 'inout']);
/** Module items a model writes into a port list (`output [53:0] always`). */
const ITEMS = new Set(['always', 'assign', 'initial']);
/** Words that begin no statement (`scalared x;`). */
const NET_FLAGS = new Set(['scalared', 'vectored']);
/** Every word `deadWord` reads. */
const DEAD_WORDS = new Set([...EDGES, ...TYPE_WORDS, ...DIRECTIONS, ...ITEMS, ...NET_FLAGS, 'module', 'macromodule', 'else', 'endcase']);

/**
 * Whether `g` ends in a keyword where it may not stand, so that a token that writes it is ruled
 * out, though a name could go on from it (`posedge_q`, `reg_q`), for the model that wrote it
 * meant the keyword: an edge where no edge may stand (a statement's start, `@(posedge posedge`);
 * a type or signing after a declaration's range or signing (`output [4:0] reg`, `input signed
 * wire`) or a direction there, `reg` after `input`, or a signing or `scalared` where a statement
 * begins (`signed x;`); a module inside a block; an `else` with no `if` just ended; an `endcase`
 * with no case open (not `end`: it goes on to `endgenerate`); `always`, `assign`, `initial` in a
 * port list. Elsewhere
 * a type word goes on as a name would (`reg_q` in an expression).
 */
function deadWord(g: Grammar): boolean {
  const word = g.word;
  const start = g.levels.length === 1 && (g.phase === 'start' || g.phase === 'item');
  const misplaced = EDGES.has(word)
    || ((TYPE_WORDS.has(word) || DIRECTIONS.has(word)) && (typeClosed(g.last) || inputVariable(g.last, word)))
    || ((word === 'signed' || word === 'unsigned' || NET_FLAGS.has(word)) && g.levels.length === 1 && g.phase === 'start' && g.last !== 'assign')
    || ((word === 'module' || word === 'macromodule') && g.blocks !== '')
    || ((word === 'else' || (start && word === 'endcase')) && deadBlockWords(g).includes(word))
    || (ITEMS.has(word) && g.levels[g.levels.length - 1]!.kind === 'ports');
  return misplaced && !advance(copyGrammar(g), ' ');
}

/** A bound on the rows kept (8 KB each for a 2,000-token vocabulary: 16 MB at most). */
const MAX_ROWS = 2000;

/** Every prefix of a word whose end the grammar reads: keywords, directives. */
const WORD_PREFIXES = new Set([...RESERVED, ...SV_RESERVED, ...DIRECTIVES]
  .flatMap((w) => Array.from(w, (_, i) => w.slice(0, i + 1))));

/**
 * The state's key: what decides which text may follow, so that states with one key allow the
 * same tokens (the word only while it may still become a keyword; the last word by what a `(`
 * after it opens; the previous character where it makes an operator).
 */
export function grammarKey(g: Grammar): string {
  const levels = g.levels.map((l) => `${l.kind}${l.rhs ? '=' : ''}${l.ternary}${l.semis}`).join('/');
  return `${levels}|${+g.assign}${+g.members}|${wordKey(g.word)}|${lastKey(g.last)}|${/[=!<>+\-*/%&|^\\(]/.test(g.prev) ? g.prev : ''}|${+g.eq}${g.run}${+g.operand}${+g.delay}${+g.cast}${+g.keyword}${g.header}${+g.semi}|${g.prev === '/' ? `${+g.slash.operand}${lastKey(g.slash.last)}` : ''}|${g.skip}|${statementKey(g)}|${+g.comments}`;
}

function wordKey(word: string): string {
  const first = word[0];
  if (first === undefined || first === '\\' || first === '$') return word.slice(0, 1);
  if (/[0-9']/.test(first)) return `n${numberKey(word)}`;
  return WORD_PREFIXES.has(word) ? word : first === '`' ? '`' : 'id';
}

function lastKey(last: string): string {
  if (last === '#' || last === '@' || last === 'for' || last === 'assign' || last === 'input' || last === 'inout' || typeClosed(last)) return last;
  if (CONDITIONS.has(last)) return 'if';
  if (NAMED.has(last)) return 'blk'; // a block's name may follow: `begin : name`
  return /^[A-Za-z_$\\)\]]/.test(last) || last === '' || last === ';' ? 'name' : 'other';
}

/** A copy of state `g`: a tree node keeps its own. */
function copyGrammar(g: Grammar): Grammar {
  return { ...g, levels: g.levels.map((l) => ({ ...l })), slash: { ...g.slash } };
}

/** Makes `target` a copy of `source`, reusing its objects: a row tries thousands of tokens from one state. */
function resetGrammar(target: Grammar, source: Grammar): Grammar {
  const { levels, slash } = target;
  Object.assign(target, source);
  target.levels = levels;
  target.slash = slash;
  slash.operand = source.slash.operand;
  slash.last = source.slash.last;
  levels.length = source.levels.length;
  source.levels.forEach((l, i) => {
    const into = levels[i];
    if (into) Object.assign(into, l);
    else levels[i] = { ...l };
  });
  return target;
}

/** The state after `text` is written from `g` (a copy), or null where it breaks the grammar. */
export function grammarAfter(g: Grammar, text: string): Grammar | null {
  const next = copyGrammar(g);
  return advance(next, text) && !deadWord(next) ? next : null;
}

/**
 * The grammar's logit-bias rows (grammar.ts): the output's state, kept as it
 * grows, and for a state the row that rules out every token whose text
 * breaks the grammar (the end of output where a statement is open).
 */
export class GrammarRows {
  private output: { text: string; state: Grammar | null };
  private readonly rows: Map<string, Float32Array | null>;

  private readonly standIns: (string | null)[];

  /**
   * `comments: false` (the decoder's) rules out opening a comment. The references the model is
   * trained on have none; a model that has lost its way, or is kept from a token it wants (a `)`
   * while a port the spec declares is still to come), writes `//` and then anything, to the token
   * limit, since a comment's text is not checked (docs/grammar.md, "No comments").
   */
  constructor(private readonly pieces: readonly string[], private readonly comments = true) {
    this.output = { text: '', state: startGrammar(comments) };
    let rows = shared.get(pieces);
    if (!rows) shared.set(pieces, (rows = new Map()));
    this.rows = rows;
    let stand = standIns.get(pieces);
    if (!stand) standIns.set(pieces, (stand = pieces.map(standIn)));
    this.standIns = stand;
  }

  /** The state after the output (null once it broke the grammar: a step whose rows could not agree wrote it). */
  outputState(text: string): Grammar | null {
    if (!text.startsWith(this.output.text)) this.output = { text: '', state: startGrammar(this.comments) };
    const state = this.output.state;
    if (state && text.length > this.output.text.length && !advance(state, text.slice(this.output.text.length))) this.output.state = null;
    this.output.text = text;
    return this.output.state;
  }

  /** The row after state `g`: -inf for every token that would break the grammar; null where none would not. */
  row(g: Grammar): Float32Array | null {
    const key = grammarKey(g);
    let row = this.rows.get(key);
    if (row === undefined) {
      if (this.rows.size >= MAX_ROWS) this.rows.clear();
      this.rows.set(key, (row = this.compute(g)));
    }
    return row;
  }

  private compute(g: Grammar): Float32Array | null {
    const row = new Float32Array(this.pieces.length).fill(-Infinity);
    const ends = mayEnd(g);
    const byShape = new Map<string, boolean>();
    const scratch = startGrammar();
    const fits = (text: string) => advance(resetGrammar(scratch, g), text) && !deadWord(scratch);
    let any = false;
    // A number being written reads each digit (its base, its size): no stand-ins go on it.
    // Nor on a word on its way to one `deadWord` reads (`pos` + `edge`, `re` + `g`).
    const shapes = !/^[0-9']/.test(g.word) && !(g.word && [...DEAD_WORDS].some((w) => w.startsWith(g.word)));
    this.pieces.forEach((piece, id) => {
      const shape = shapes ? this.standIns[id] ?? null : null;
      let ok: boolean | undefined;
      if (piece === '') ok = ends;
      else if (shape === null) ok = fits(piece);
      else if ((ok = byShape.get(shape)) === undefined) byShape.set(shape, (ok = fits(shape)));
      if (ok) {
        row[id] = 0;
        any = true;
      }
    });
    return any ? row : null;
  }
}
