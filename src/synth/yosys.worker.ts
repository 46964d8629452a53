import { failedVerdict, type SynthMessage, type SynthRequest, type SynthVerdict } from './protocol.js';

// Compiled for a dedicated worker; the DOM lib types `self` as a window.
const scope = self as unknown as {
  postMessage(message: SynthMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SynthRequest>) => void): void;
};


/**
 * Counts the bytes of what yosys's runtime fetches (its .wasm files) and posts
 * the progress, so its first download shows on the page. Installed before the
 * runtime is imported, which keeps a reference to `fetch`.
 */
function countDownloads(): void {
  const plain = globalThis.fetch;
  let loaded = 0;
  let posted = 0;
  globalThis.fetch = async (input, init) => {
    const response = await plain(input, init);
    if (!response.body) return response;
    const counted = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        loaded += chunk.byteLength;
        // Every 256 KiB is enough for a progress bar, and spares the page a message per chunk.
        if (loaded - posted >= 2 ** 18) {
          posted = loaded;
          scope.postMessage({ progress: { loaded, total: Math.max(loaded, __YOSYS_WASM_BYTES__) } });
        }
        out.enqueue(chunk);
      },
    }));
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
countDownloads();

/**
 * Synthesizes one design with yosys compiled to WebAssembly (@yowasp/yosys,
 * loaded on the first request: its core is 30 MB), as `verispec eval`'s
 * synth check does with Debian's yosys. The page times a request out and
 * replaces this worker if yosys never returns.
 */
async function synthesize(code: string): Promise<SynthVerdict> {
  let runYosys: typeof import('@yowasp/yosys').runYosys;
  try {
    ({ runYosys } = await import('@yowasp/yosys'));
  } catch (error) {
    // Not a verdict on the code: yosys itself is missing (offline before its first download).
    return { ok: null, message: `yosys could not be loaded${navigator.onLine ? '' : ' (offline)'}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let log = '';
  const decoder = new TextDecoder();
  const collect = (bytes: Uint8Array | null) => {
    if (bytes) log += decoder.decode(bytes, { stream: true });
  };
  try {
    await runYosys(['-q', '-p', 'read_verilog -sv design.v; synth -auto-top'], { 'design.v': code }, { stdout: collect, stderr: collect });
    return { ok: true, message: '' };
  } catch (error) {
    return failedVerdict(log, error instanceof Error ? error.message : String(error));
  }
}

scope.addEventListener('message', (event) => {
  const { id, code } = event.data;
  synthesize(code).then(
    (r) => scope.postMessage({ id, ...r }),
    (error: unknown) => scope.postMessage({ id, ok: null, message: `yosys could not run: ${error instanceof Error ? error.message : String(error)}` }),
  );
});
