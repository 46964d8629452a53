import { readFile } from 'node:fs/promises';
import { loadSyntaxNode } from '../syntax/node.js';
import { LineIndex } from '../syntax/diagnostics.js';
import { parseCommandArgs, UsageError } from './usage.js';

/** `verispec segment FILE [--json]`: the fragments of a file, as a table or as JSON. */
export async function runSegment(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
  const file = positionals[0]!;
  const code = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(e.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${e.message}`);
  });
  const syntax = await loadSyntaxNode();
  const { fragments } = syntax.segment(code);
  const diagnostics = syntax.diagnostics(code);
  if (values.json) {
    const out = {
      file,
      fragments: fragments.map((f) => ({ ...f, text: code.slice(f.start, f.end) })),
      errors: diagnostics,
    };
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    return;
  }
  const lines = new LineIndex(code);
  for (const f of fragments) {
    const { line, column } = lines.position(f.start);
    console.log(`${line}:${column}\t${f.kind}\t${JSON.stringify(code.slice(f.start, f.end))}`);
  }
  for (const d of diagnostics) console.error(`${file}:${d.line}:${d.column}: ${d.message}`);
  console.error(`${fragments.length} fragments, ${diagnostics.length} syntax errors`);
}
