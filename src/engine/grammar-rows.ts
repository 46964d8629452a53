import { advance, copyGrammar, grammarKey, mayEnd, startGrammar, type Grammar } from './grammar.js';

/** Rows by state key, per vocabulary: they depend on nothing else, so every decode shares them. */
const shared = new WeakMap<readonly string[], Map<string, Float32Array | null>>();
/** A bound on the rows kept (8 KB each for a 2,000-token vocabulary). */
const MAX_ROWS = 4000;

/** The state after `text` is written from `g` (a copy), or null where it breaks the grammar. */
export function grammarAfter(g: Grammar, text: string): Grammar | null {
  const next = copyGrammar(g);
  return advance(next, text) ? next : null;
}

/**
 * The grammar's logit-bias rows (grammar.ts): the output's state, kept as it
 * grows, and for a state the row that rules out every token whose text
 * breaks the grammar (the end of output where a statement is open).
 */
export class GrammarRows {
  private output: { text: string; state: Grammar | null } = { text: '', state: startGrammar() };
  private readonly rows: Map<string, Float32Array | null>;

  constructor(private readonly pieces: readonly string[]) {
    let rows = shared.get(pieces);
    if (!rows) shared.set(pieces, (rows = new Map()));
    this.rows = rows;
  }

  /** The state after the output (null once it broke the grammar: a step left unconstrained wrote it). */
  outputState(text: string): Grammar | null {
    if (!text.startsWith(this.output.text)) this.output = { text: '', state: startGrammar() };
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
    let any = false;
    this.pieces.forEach((piece, id) => {
      if (piece === '' ? ends : grammarAfter(g, piece) !== null) {
        row[id] = 0;
        any = true;
      }
    });
    return any ? row : null;
  }
}
