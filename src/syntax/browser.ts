import runtimeWasmUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
import grammarUrl from '../../wasm/tree-sitter-verilog.wasm.gz?url';
import { VerilogSyntax } from './index.js';

/** Browser (page or worker): fetch the gzipped grammar Vite emitted and load it. */
export async function loadSyntaxBrowser(): Promise<VerilogSyntax> {
  const response = await fetch(grammarUrl);
  if (!response.ok) throw new Error(`tree-sitter-verilog: ${grammarUrl} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return VerilogSyntax.load({ languageWasm: bytes, runtimeWasmUrl });
}
