import { readFile } from 'node:fs/promises';
import { VerilogSyntax } from './index.js';

/** The committed grammar, relative to this file (src/syntax/ -> wasm/). */
export const GRAMMAR_WASM_PATH = new URL('../../wasm/tree-sitter-verilog.wasm.gz', import.meta.url);

let shared: Promise<VerilogSyntax> | undefined;

/** Node: the segmenter, loaded once per process from the committed wasm. */
export function loadSyntaxNode(): Promise<VerilogSyntax> {
  shared ??= readFile(GRAMMAR_WASM_PATH).then((bytes) => VerilogSyntax.load({ languageWasm: bytes }));
  return shared;
}
