import type { VerilogSyntax } from '../syntax/index.js';

/**
 * Fragment spans of `text` from offset `from` on, as flat [start, end, ...]
 * pairs relative to `from`, in code points (Python string indices: the
 * training side maps them through the tokenizer's offsets and never
 * re-segments). The whole text is segmented so the context before `from`
 * shapes the parse.
 */
export function fragmentSpans(syntax: VerilogSyntax, text: string, from = 0): { spans: number[]; kinds: Record<string, number>; errors: number } {
  const { fragments, errors } = syntax.segment(text);
  const toCodePoints = codePointIndex(text);
  const base = toCodePoints(from);
  const spans: number[] = [];
  const kinds: Record<string, number> = {};
  for (const f of fragments) {
    if (f.start < from) continue;
    spans.push(toCodePoints(f.start) - base, toCodePoints(f.end) - base);
    kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  }
  return { spans, kinds, errors: errors.filter((e) => e.end > from).length };
}

/** Maps UTF-16 offsets to code point offsets (identity for text without astral characters). */
export function codePointIndex(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length)) cp++;
  }
  table[text.length] = cp;
  return (i) => table[i]!;
}
