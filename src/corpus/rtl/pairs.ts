import type { VerilogSyntax } from '../../syntax/index.js';
import { fragmentSpans } from '../annotate.js';
import { COMPLETE_MODULE_INSTRUCTION, type RawExample } from '../example.js';
import { iverilogAccepts } from '../simulate.js';
import type { SourceFile } from './debian.js';

/** Modules longer than this are dropped: too long a target for a small model. */
const MAX_MODULE_CHARS = 8000;

export interface HarvestStats {
  files: number;
  modules: number;
  dropped: Record<'treeSitterError' | 'iverilogRejects' | 'tooLong' | 'emptyBody', number>;
  kept: number;
}

/** The `define lines of a file, so a module checked on its own still sees its file's macros. */
function fileDefines(text: string): string {
  return text.match(/^[ \t]*`(define|undef)\b.*(\\\r?\n.*)*$/gm)?.join('\n') ?? '';
}

/**
 * Splits harvested files into modules and turns each into a "complete this
 * module" pair: the comments above it and its header are the input, the
 * rest of the module the output. Drops modules that tree-sitter or Icarus
 * Verilog (parse and elaborate) rejects.
 */
export async function modulePairs(files: readonly SourceFile[], syntax: VerilogSyntax, log: (m: string) => void): Promise<{ examples: RawExample[]; stats: HarvestStats }> {
  const stats: HarvestStats = { files: files.length, modules: 0, dropped: { treeSitterError: 0, iverilogRejects: 0, tooLong: 0, emptyBody: 0 }, kept: 0 };
  const examples: RawExample[] = [];
  for (const [n, file] of files.entries()) {
    if (n % 200 === 0) log(`  modules: file ${n}/${files.length}, ${examples.length} kept`);
    const defines = fileDefines(file.text);
    for (const m of syntax.modules(file.text)) {
      stats.modules++;
      if (m.hasError) { stats.dropped.treeSitterError++; continue; }
      if (m.end - m.commentStart > MAX_MODULE_CHARS) { stats.dropped.tooLong++; continue; }
      const moduleText = file.text.slice(m.commentStart, m.end);
      const headerLength = m.headerEnd - m.commentStart;
      const input = moduleText.slice(0, headerLength);
      const output = moduleText.slice(headerLength).replace(/^[ \t]*\r?\n/, '');
      if (!/\S/.test(output.replace(/endmodule\s*$/, ''))) { stats.dropped.emptyBody++; continue; }
      if (!(await iverilogAccepts(`${defines}\n${file.text.slice(m.start, m.end)}\n`))) { stats.dropped.iverilogRejects++; continue; }
      const outputStart = moduleText.length - output.length;
      const { spans, kinds } = fragmentSpans(syntax, moduleText, outputStart);
      examples.push({
        id: `rtl-${file.package}-${file.origin}-${examples.length}`,
        source: 'rtl',
        split: null,
        instruction: COMPLETE_MODULE_INSTRUCTION,
        input,
        output,
        fragments: spans,
        fragmentKinds: kinds,
        meta: { package: file.package, version: file.version, origin: file.origin, path: file.path, licence: file.licence, module: m.name },
      });
    }
  }
  stats.kept = examples.length;
  return { examples, stats };
}
