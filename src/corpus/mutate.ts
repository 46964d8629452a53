import type { VerilogSyntax } from '../syntax/index.js';

/** Operator swaps that keep the code compiling but change what it computes. */
const OPERATOR_SWAPS: Readonly<Record<string, string>> = {
  '+': '-', '-': '+', '&': '|', '|': '&', '^': '&', '==': '!=', '!=': '==',
  '<': '>', '>': '<', '>=': '<', '&&': '||', '||': '&&', '<<': '>>', '>>': '<<', '~': '', '!': '', '~^': '^', '^~': '^',
};

export interface Mutant {
  /** What was changed, e.g. `+ -> - at 412`. */
  change: string;
  code: string;
}

/**
 * Single-point mutants of a design's body (after its port list): swapped
 * operators and nudged literals, found through the segmenter's fragments.
 * They show that a testbench can fail: a good one rejects most of them.
 */
export function mutants(code: string, syntax: VerilogSyntax, limit = 12): Mutant[] {
  const { fragments } = syntax.segment(code);
  const headerEnd = code.indexOf(');') + 2;
  const out: Mutant[] = [];
  const replace = (start: number, end: number, text: string, what: string) =>
    out.push({ change: `${what} at ${start}`, code: code.slice(0, start) + text + code.slice(end) });
  const inputs = inputNames(code, fragments, headerEnd);
  let previous = '';
  for (const f of fragments) {
    const text = code.slice(f.start, f.end);
    const afterEdge = previous === 'posedge' || previous === 'negedge';
    previous = text;
    if (f.start < headerEnd) continue;
    if (f.kind === 'identifier' && inputs.includes(text) && inputs.length > 1 && !afterEdge) {
      // Read the wrong input: catches a testbench that never tells two inputs apart.
      const other = inputs[(inputs.indexOf(text) + 1) % inputs.length]!;
      replace(f.start, f.end, other, `${text} -> ${other}`);
    } else if (f.kind === 'operator' && text in OPERATOR_SWAPS) {
      replace(f.start, f.end, OPERATOR_SWAPS[text]!, `${text} -> ${OPERATOR_SWAPS[text] || '(removed)'}`);
    } else if (f.kind === 'number') {
      const sized = /^(\d+)'([bdh])([0-9a-fA-F]+)$/.exec(text);
      if (sized) {
        const [, size, base, digits] = sized as unknown as [string, string, string, string];
        const radix = base === 'b' ? 2 : base === 'd' ? 10 : 16;
        const value = parseInt(digits, radix);
        const max = 2 ** Number(size) - 1;
        const nudged = value === max ? value - 1 : value + 1;
        if (Number.isFinite(nudged) && nudged >= 0) replace(f.start, f.end, `${size}'${base}${nudged.toString(radix)}`, `${text} -> nudged`);
      } else if (/^\d+$/.test(text) && code[f.end] !== ':' && code[f.start - 1] !== ':') {
        replace(f.start, f.end, String(Number(text) + 1), `${text} -> ${Number(text) + 1}`);
      }
    }
  }
  if (out.length <= limit) return out;
  // Spread the picks over the whole body rather than taking the first few.
  return Array.from({ length: limit }, (_, k) => out[Math.floor((k * out.length) / limit)]!);
}

/** Names declared as inputs in the module header (ANSI or classic port list). */
function inputNames(code: string, fragments: readonly { start: number; end: number; kind: string }[], headerEnd: number): string[] {
  const names: string[] = [];
  let direction = '';
  let bracketDepth = 0; // identifiers inside [..] are parameters of a range, not ports
  for (const f of fragments) {
    const text = code.slice(f.start, f.end);
    if (text === '[') bracketDepth++;
    else if (text === ']') bracketDepth--;
    else if (bracketDepth > 0) continue;
    if (f.kind === 'keyword' && /^(input|output|inout)$/.test(text)) direction = text;
    else if (f.kind === 'punctuation' && text === ';' && f.start >= headerEnd) direction = '';
    else if (f.kind === 'keyword' && /^(wire|reg|logic|always|assign|localparam|parameter)$/.test(text) && f.start >= headerEnd) {
      if (text !== 'wire' && text !== 'reg' && text !== 'logic') direction = '';
    } else if (f.kind === 'identifier' && direction === 'input' && !names.includes(text)) names.push(text);
  }
  return names;
}
