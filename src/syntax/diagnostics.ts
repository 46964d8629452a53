import type { SyntaxErrorSpan } from './segment.js';

/** A syntax error placed for an editor: lines and columns are 1-based, columns in UTF-16 units (as Monaco counts). */
export interface Diagnostic {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** Maps string offsets to 1-based line/column with one scan for the line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

function describe(text: string, e: SyntaxErrorSpan): string {
  if (e.reason === 'missing') return `syntax error: missing ${JSON.stringify(e.expected ?? '')}`;
  const snippet = text.slice(e.start, e.end).trim().split(/\s+/)[0] ?? '';
  const shown = snippet.length > 24 ? `${snippet.slice(0, 24)}…` : snippet;
  return shown ? `syntax error: unexpected ${JSON.stringify(shown)}` : 'syntax error';
}

export function toDiagnostics(text: string, errors: readonly SyntaxErrorSpan[]): Diagnostic[] {
  const index = new LineIndex(text);
  return errors.map((e) => {
    const from = index.position(e.start);
    const to = index.position(e.end);
    return {
      start: e.start, end: e.end,
      line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
      message: describe(text, e),
    };
  });
}
