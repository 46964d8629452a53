import { Language, Parser } from 'web-tree-sitter';

/**
 * Loading is the same in Node, a web worker and the page: the caller brings
 * the grammar's wasm bytes (gzipped or not) and, in a browser, the URL of
 * web-tree-sitter's own runtime wasm. Only where the bytes come from differs
 * (see node.ts and browser.ts).
 */
export interface SyntaxAssets {
  /** tree-sitter-verilog.wasm, or its gzip (we ship and serve it compressed). */
  languageWasm: Uint8Array;
  /** Where web-tree-sitter.wasm lives; Node finds it next to the package by itself. */
  runtimeWasmUrl?: string;
}

let runtimeReady: Promise<void> | undefined;

function initRuntime(runtimeWasmUrl: string | undefined): Promise<void> {
  runtimeReady ??= Parser.init(runtimeWasmUrl ? { locateFile: () => runtimeWasmUrl } : undefined);
  return runtimeReady;
}

const isGzip = (b: Uint8Array): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Gunzips with the streams API that Node 18+, browsers and workers all have. */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function loadVerilogLanguage(assets: SyntaxAssets): Promise<Language> {
  await initRuntime(assets.runtimeWasmUrl);
  const wasm = await gunzipIfNeeded(assets.languageWasm);
  if (wasm[0] !== 0x00 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    throw new Error('tree-sitter-verilog: the grammar file is not WebAssembly (bad download?)');
  }
  return Language.load(wasm);
}

export function newParser(language: Language): Parser {
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
