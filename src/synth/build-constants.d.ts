/** yosys's WebAssembly files in bytes, defined at build time (vite.config.ts). */
declare const __YOSYS_WASM_BYTES__: number;
