/**
 * Every error the model and engine layers raise, typed, in one place: the
 * worker forwards `code` and `message` to the page, which shows them.
 */
export type ModelErrorCode =
  | 'fetch-failed' // network error or HTTP status, or a local file that cannot be read
  | 'missing-file' // a file model.json lists is not in the folder the person picked
  | 'bad-manifest' // model.json missing, not JSON, or missing fields
  | 'unsupported' // a format or version this build does not read
  | 'file-mismatch' // size or sha256 differs from model.json
  | 'bad-graph' // onnxruntime refused a graph
  | 'out-of-memory' // the package cannot fit in this device's (or WebAssembly's) memory
  | 'no-webgpu' // WebGPU asked for, but this browser or machine has none
  | 'prompt-too-long' // more tokens than the encoder takes
  | 'bad-option' // an option out of range (tree, head variant, temperature)
  | 'cancelled';

export class VeriSpecError extends Error {
  override name = 'VeriSpecError';
  constructor(readonly code: ModelErrorCode, message: string) {
    super(message);
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof VeriSpecError && error.code === 'cancelled';
}
