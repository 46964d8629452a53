import { TAIL } from './names.js';
import { NameConstraint } from './name-constraint.js';
import { GrammarRows, grammarAfter } from './grammar-rows.js';
import { deadBlockWords, keywordsHere, type Grammar } from './grammar.js';
import { LOOP_TAIL, loopTokens } from './loops.js';

/**
 * The logit-bias rows of a step, one per tree node, from the node's text (the
 * output and the node's path): what the names from the spec allow
 * (name-constraint.ts) and what the grammar allows (grammar.ts), both; with
 * the grammar, no token that makes the output a loop (loops.ts). A row
 * depends on the text alone, never on how it splits into output and path, so
 * at temperature 0 every lane decodes the same tokens.
 */
export class DecodeConstraint {
  private readonly both = new WeakMap<Float32Array, WeakMap<Float32Array, Float32Array>>();

  constructor(private readonly pieces: readonly string[], private readonly names: NameConstraint | null, private readonly grammar: GrammarRows | null) {}

  /** [nodes, vocab] logit bias, or null when no node is constrained. */
  bias(outputText: string, tokens: readonly number[], parents: ArrayLike<number>): Float32Array | null {
    const vocab = this.pieces.length;
    const perNode = this.rows(outputText, tokens, parents, () => true);
    if (perNode.every((row) => !row)) return null;
    const rows = new Float32Array(tokens.length * vocab);
    perNode.forEach((row, i) => row && rows.set(row, i * vocab));
    return rows;
  }

  /**
   * For each node of `nodes`, its argmax under the mask: the unmasked argmax
   * where its row allows it (exact, whatever order ties are ranked in), else
   * the first of its ranked tokens (`ranked`, k a node, best first) that the
   * row allows; -1 where none of the k is. Only these nodes' rows are built.
   */
  maskedArgmax(outputText: string, tokens: readonly number[], parents: ArrayLike<number>, nodes: ReadonlySet<number>, argmax: ArrayLike<number>, ranked: ArrayLike<number>, k: number): Map<number, number> {
    const perNode = this.rows(outputText, tokens, parents, (i) => nodes.has(i));
    const masked = new Map<number, number>();
    for (const node of nodes) {
      const row = perNode[node];
      let best = !row || row[argmax[node]!] === 0 ? argmax[node]! : -1;
      for (let r = 0; r < k && best < 0; r++) if (row![ranked[node * k + r]!] === 0) best = ranked[node * k + r]!;
      masked.set(node, best);
    }
    return masked;
  }

  /** Each node's row (null: unconstrained), built only for the nodes `wanted` picks. */
  protected rows(outputText: string, tokens: readonly number[], parents: ArrayLike<number>, wanted: (node: number) => boolean): (Float32Array | null)[] {
    const vocab = this.pieces.length;
    this.names?.prepare(outputText);
    const open = outputText.slice(outputText.lastIndexOf(';') + 1);
    const tail = outputText.slice(-TAIL);
    const loopTail = outputText.slice(-LOOP_TAIL);
    const paths: string[] = [];
    const states: (Grammar | null)[] = [];
    const rows: (Float32Array | null)[] = [];
    for (let i = 0; i < tokens.length; i++) {
      // Node 0, the root, is the output's last token: its text is already in outputText.
      const parent = parents[i]!;
      const piece = i === 0 || parent < 0 ? '' : this.pieces[tokens[i]!] ?? '';
      paths.push(i === 0 || parent < 0 ? '' : paths[parent]! + piece);
      const state = this.grammar ? (i === 0 || parent < 0 ? this.grammar.outputState(outputText) : (states[parent] ? grammarAfter(states[parent]!, piece) : null)) : null;
      states.push(state);
      if (!wanted(i)) {
        rows.push(null);
        continue;
      }
      const nameRow = this.names?.row(tail + paths[i]!, open + paths[i]!, state ? keywordsHere(state) : 'all', state ? deadBlockWords(state) : []) ?? null;
      let row = this.combine(nameRow, state ? this.grammar!.row(state) : null);
      if (this.grammar) row = withoutLoops(row, loopTokens(loopTail + paths[i]!, this.pieces), vocab);
      rows.push(row);
    }
    return rows;
  }

  /** Tokens both rows allow; where they agree on none, the names' row (the grammar gives way). */
  private combine(names: Float32Array | null, grammar: Float32Array | null): Float32Array | null {
    if (!names || !grammar) return names ?? grammar;
    let byGrammar = this.both.get(names);
    if (!byGrammar) this.both.set(names, (byGrammar = new WeakMap()));
    let row = byGrammar.get(grammar);
    if (!row) {
      row = names.map((bias, id) => (bias === 0 && grammar[id] === 0 ? 0 : -Infinity));
      if (!row.includes(0)) row = names;
      byGrammar.set(grammar, row);
    }
    return row;
  }
}

/** `row` with the tokens that would loop ruled out too, unless that leaves none. */
function withoutLoops(row: Float32Array | null, looping: number[] | null, vocab: number): Float32Array | null {
  if (!looping) return row;
  const out = row ? row.slice() : new Float32Array(vocab);
  for (const id of looping) out[id] = -Infinity;
  return out.includes(0) ? out : row;
}
