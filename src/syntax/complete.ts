import { Edit, type Language, type Parser, type Point, type Tree } from 'web-tree-sitter';
import { GROWING_KINDS } from './kinds.js';
import { segmentTree, type Fragment } from './segment.js';
import { newParser } from './load.js';

export interface CompletenessOptions {
  /**
   * Offsets into the continuation worth cutting at (for a decoder: where its
   * tokens end), ascending or not. Default: every offset 1..length.
   */
  cuts?: readonly number[];
  /**
   * Text known to follow the continuation (the next token, when the decoder
   * has it). Unknown when absent or empty: then the continuation's end counts
   * as complete only if its last fragment cannot grow.
   */
  lookahead?: string;
}

export interface Completeness {
  /** The largest cut at which every fragment is complete; 0 when there is none. */
  lastComplete: number;
  /** Whether the continuation's very end is a complete fragment boundary. */
  endComplete: boolean;
}

/**
 * Answers, once per decoding step, "where in this candidate continuation do
 * all fragments end?". Keeps the previous parse tree and re-parses
 * incrementally: successive calls share a long committed prefix.
 */
export class CompletenessChecker {
  private readonly parser: Parser;
  private readonly extensible: (token: string) => boolean;
  private text = '';
  private tree: Tree | null = null;

  constructor(language: Language, extensible: (token: string) => boolean) {
    this.parser = newParser(language);
    this.extensible = extensible;
  }

  completeAt(committed: string, continuation: string, options: CompletenessOptions = {}): Completeness {
    const lookahead = options.lookahead ?? '';
    const full = committed + continuation + lookahead;
    const base = committed.length;
    const end = base + continuation.length;
    const tree = this.reparse(full);
    // From one character before the continuation, so that the fragment the
    // committed text ends with is seen too (it decides an empty continuation).
    const fragments = segmentTree(tree, full, Math.max(0, base - 1), Math.min(full.length, end + 1)).fragments;

    // inside[o] is true when offset base+o falls strictly inside a fragment.
    const inside = new Uint8Array(continuation.length + 1);
    for (const f of fragments) {
      for (let a = Math.max(f.start + 1, base); a < f.end && a <= end; a++) inside[a - base] = 1;
    }
    const endComplete = inside[continuation.length] === 0
      && (lookahead.length > 0 || this.closedAtEnd(full, fragments, end));

    let lastComplete = 0;
    const cuts = options.cuts ?? Array.from({ length: continuation.length }, (_, i) => i + 1);
    for (const cut of cuts) {
      if (cut <= lastComplete || cut < 1 || cut > continuation.length) continue;
      const ok = cut === continuation.length ? endComplete : inside[cut] === 0;
      if (ok) lastComplete = cut;
    }
    return { lastComplete, endComplete };
  }

  /** Frees the parser and tree (wasm memory is not garbage-collected). */
  dispose(): void {
    this.tree?.delete();
    this.tree = null;
    this.parser.delete();
  }

  /** With nothing known after `end`: can the fragment that ends there still grow? */
  private closedAtEnd(text: string, fragments: readonly Fragment[], end: number): boolean {
    let last: Fragment | undefined;
    for (const f of fragments) if (f.start < end) last = f;
    if (!last) return true;
    const lexeme = text.slice(last.start, last.end);
    if (last.end < end) {
      // Whitespace follows; only a line comment runs on past spaces to the newline.
      return !(last.kind === 'comment' && lexeme.startsWith('//') && !text.slice(last.end, end).includes('\n'));
    }
    if (GROWING_KINDS.has(last.kind)) return false;
    switch (last.kind) {
      case 'comment': return lexeme.startsWith('/*') && lexeme.length >= 4 && lexeme.endsWith('*/');
      case 'string': return lexeme.length >= 2 && lexeme.endsWith('"');
      default: return !this.extensible(lexeme);
    }
  }

  private reparse(text: string): Tree {
    const old = this.tree;
    if (old && this.text === text) return old;
    let next: Tree | null;
    if (old) {
      const prefix = commonPrefixLength(this.text, text);
      old.edit(new Edit({
        startIndex: prefix,
        oldEndIndex: this.text.length,
        newEndIndex: text.length,
        startPosition: pointAt(text, prefix),
        oldEndPosition: pointAt(this.text, this.text.length),
        newEndPosition: pointAt(text, text.length),
      }));
      next = this.parser.parse(text, old);
      old.delete();
    } else {
      next = this.parser.parse(text);
    }
    if (!next) throw new Error('tree-sitter: parse failed');
    this.tree = next;
    this.text = text;
    return next;
  }
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
