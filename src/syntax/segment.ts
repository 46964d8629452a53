import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import { ATOMIC_NODES, kindOfLeaf, type FragmentKind } from './kinds.js';

/**
 * One fragment. `start`/`end` are JavaScript string indices (UTF-16 code
 * units) into the segmented text, end exclusive. Fragments never begin or end
 * with whitespace; only comments, strings and `define bodies contain any.
 */
export interface Fragment {
  start: number;
  end: number;
  kind: FragmentKind;
}

/** A region the parser could not make sense of (an ERROR node) or a token it had to invent (MISSING). */
export interface SyntaxErrorSpan {
  start: number;
  end: number;
  /** `unexpected` for an ERROR region, `missing` for a token the parser inserted. */
  reason: 'unexpected' | 'missing';
  /** For `missing`: the grammar's name of the inserted token. */
  expected?: string;
}

export interface Segmentation {
  fragments: Fragment[];
  errors: SyntaxErrorSpan[];
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;

/**
 * Fragments of `text` (already parsed into `tree`) that overlap [from, to),
 * plus the errors found on the way. Restricting the range lets the inference
 * check touch only the end of a long buffer.
 */
export function segmentTree(tree: Tree, text: string, from = 0, to = text.length): Segmentation {
  const raw: Fragment[] = [];
  const errors: SyntaxErrorSpan[] = [];
  const cursor = tree.walk();
  try {
    collect(cursor, text, from, to, raw, errors, false);
  } finally {
    cursor.delete();
  }
  return { fragments: tileGaps(joinMacroUsages(raw, text), text, from, to), errors };
}

function collect(
  cursor: TreeCursor, text: string, from: number, to: number,
  out: Fragment[], errors: SyntaxErrorSpan[], inError: boolean,
): void {
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  // Zero-width MISSING tokens are reported even when they sit exactly at `to`.
  if (end < from || start > to || (start === end && !cursor.nodeIsMissing)) return;
  const type = cursor.nodeType;
  const named = cursor.nodeIsNamed;
  if (cursor.nodeIsMissing) {
    errors.push({ start, end, reason: 'missing', expected: type });
    return;
  }
  if (end === from || start === to) return;
  const isError = type === 'ERROR';
  if (isError && !inError) errors.push({ start, end, reason: 'unexpected' });
  const atomic = named ? ATOMIC_NODES.get(type) : undefined;
  if (atomic) {
    pushTrimmed(out, text, start, end, atomic);
    return;
  }
  if (!cursor.gotoFirstChild()) {
    let kind = kindOfLeaf(type, named);
    if (kind === 'error') return pushWords(out, text, start, end);
    // Error recovery lexes words without the keyword check (`endmodule` comes
    // back as simple_identifier, `b` as a UDP table symbol): put them right.
    if (inError && (kind === 'identifier' || kind === 'table')) {
      const word = text.slice(start, end);
      if (keywordsOf(cursor).has(word)) kind = 'keyword';
      else if (kind === 'table' && /^\w+$/.test(word)) kind = 'identifier';
    }
    pushTrimmed(out, text, start, end, kind);
    return;
  }
  do {
    collect(cursor, text, from, to, out, errors, inError || isError);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

const TIME_UNITS = new Set(['s', 'ms', 'us', 'ns', 'ps', 'fs']);
const keywordSets = new WeakMap<Language, Set<string>>();

/** The grammar's reserved words (its anonymous word tokens), once per language. */
function keywordsOf(cursor: TreeCursor): Set<string> {
  const language = cursor.currentNode.tree.language;
  let set = keywordSets.get(language);
  if (!set) {
    set = new Set();
    for (let id = 0; id < language.nodeTypeCount; id++) {
      const type = language.nodeTypeForId(id);
      // Time units (`ns`, `s`) are words of the grammar but not reserved.
      if (type && !language.nodeTypeIsNamed(id) && kindOfLeaf(type, false) === 'keyword'
        && !TIME_UNITS.has(type)) set.add(type);
    }
    keywordSets.set(language, set);
  }
  return set;
}

function pushTrimmed(out: Fragment[], text: string, start: number, end: number, kind: FragmentKind): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start < end) out.push({ start, end, kind });
}

/**
 * Unparsed text becomes error fragments: each run of word characters is one,
 * every other non-space character is one by itself (`(input` -> `(`, `input`).
 */
function pushWords(out: Fragment[], text: string, start: number, end: number): void {
  const word = /[\w$'`\\]+|\S/g;
  word.lastIndex = start;
  for (let m = word.exec(text); m && m.index < end; m = word.exec(text)) {
    out.push({ start: m.index, end: Math.min(end, m.index + m[0].length), kind: 'error' });
  }
}

/** "`" immediately followed by an identifier is one macro usage: `` `WIDTH ``. */
function joinMacroUsages(frags: Fragment[], text: string): Fragment[] {
  const out: Fragment[] = [];
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!;
    const next = frags[i + 1];
    if (next && f.end === next.start && f.end - f.start === 1 && text.charCodeAt(f.start) === 96
      && (next.kind === 'identifier' || next.kind === 'keyword')) {
      out.push({ start: f.start, end: next.end, kind: 'macro' });
      i++;
    } else {
      out.push(f);
    }
  }
  return out;
}

/**
 * Any non-space text between leaves (tree-sitter never leaves some, but a
 * grammar quirk must not break the tiling) becomes error fragments.
 */
function tileGaps(frags: Fragment[], text: string, from: number, to: number): Fragment[] {
  const out: Fragment[] = [];
  let pos = frags.length > 0 ? Math.min(from, frags[0]!.start) : from;
  for (const f of frags) {
    if (f.start < pos) continue; // defensive: never emit overlaps
    if (f.start > pos) pushWords(out, text, pos, f.start);
    out.push(f);
    pos = f.end;
  }
  if (pos < to) pushWords(out, text, pos, to);
  return out;
}
