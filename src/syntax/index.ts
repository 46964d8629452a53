import type { Language, Parser } from 'web-tree-sitter';
import { CompletenessChecker } from './complete.js';
import { toDiagnostics, type Diagnostic } from './diagnostics.js';
import { loadVerilogLanguage, newParser, type SyntaxAssets } from './load.js';
import { segmentTree, type Segmentation } from './segment.js';

export type { Fragment, Segmentation, SyntaxErrorSpan } from './segment.js';
export type { FragmentKind } from './kinds.js';
export { FRAGMENT_KINDS } from './kinds.js';
export type { Diagnostic } from './diagnostics.js';
export type { Completeness, CompletenessOptions } from './complete.js';
export { CompletenessChecker } from './complete.js';
export type { SyntaxAssets } from './load.js';

/** A top-level module of a file (UTF-16 offsets, as everywhere in syntax/). */
export interface ModuleSpan {
  name: string;
  start: number;
  end: number;
  /** Start of the comments directly above the module, or `start` when there are none. */
  commentStart: number;
  /** End of the header: the `;` after the port list. */
  headerEnd: number;
  hasError: boolean;
}

/**
 * The project's one Verilog segmenter. Training data (in Node) and the
 * inference-time completeness check (in the worker) both go through here.
 */
export class VerilogSyntax {
  private readonly parser: Parser;
  private readonly anonymousTokens: readonly string[];

  private constructor(readonly language: Language) {
    this.parser = newParser(language);
    const tokens: string[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      const type = language.nodeTypeForId(id);
      if (type && !language.nodeTypeIsNamed(id) && language.nodeTypeIsVisible(id)) tokens.push(type);
    }
    this.anonymousTokens = tokens;
  }

  static async load(assets: SyntaxAssets): Promise<VerilogSyntax> {
    return new VerilogSyntax(await loadVerilogLanguage(assets));
  }

  /** Fragments of `code` in order, tiling every non-space character, and its syntax errors. */
  segment(code: string): Segmentation {
    const tree = this.parser.parse(code);
    if (!tree) throw new Error('tree-sitter: parse failed');
    try {
      return segmentTree(tree, code);
    } finally {
      tree.delete();
    }
  }

  /**
   * The top-level `module ... endmodule` declarations of a file, each with the
   * comments just above it and where its header (through the first `;`) ends.
   */
  modules(code: string): ModuleSpan[] {
    const tree = this.parser.parse(code);
    if (!tree) throw new Error('tree-sitter: parse failed');
    try {
      const spans: ModuleSpan[] = [];
      const top = tree.rootNode.children.filter((n) => n !== null);
      top.forEach((node, i) => {
        if (node.type !== 'module_declaration') return;
        let commentStart = node.startIndex;
        for (let j = i - 1; j >= 0 && top[j]!.type === 'comment'; j--) {
          // Only comments that touch the module (no blank line between) describe it.
          if (/\n[ \t]*\n/.test(code.slice(top[j]!.endIndex, commentStart))) break;
          commentStart = top[j]!.startIndex;
        }
        const header = node.children.find((c) => c?.type === 'module_header');
        const name = header?.descendantsOfType('simple_identifier')[0]?.text ?? '';
        const firstSemicolon = node.children.find((c) => c?.type === ';');
        spans.push({
          name,
          start: node.startIndex,
          end: node.endIndex,
          commentStart,
          headerEnd: firstSemicolon?.endIndex ?? node.startIndex,
          hasError: node.hasError,
        });
      });
      return spans;
    } finally {
      tree.delete();
    }
  }

  /** Syntax errors with 1-based line/column, for an editor. */
  diagnostics(code: string): Diagnostic[] {
    return toDiagnostics(code, this.segment(code).errors);
  }

  /** A new incremental completeness checker (one per decoding lane: it keeps that lane's parse tree). */
  completeness(): CompletenessChecker {
    return new CompletenessChecker(this.language, (t) => this.canGrow(t));
  }

  /** Whether some longer grammar token starts with `token` (`<` may become `<=`; `;` never grows). */
  canGrow(token: string): boolean {
    return this.anonymousTokens.some((t) => t.length > token.length && t.startsWith(token));
  }
}
