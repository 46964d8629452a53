import { failedVerdict, type SynthRequest, type SynthResult, type SynthVerdict } from './protocol.js';

// Compiled for a dedicated worker; the DOM lib types `self` as a window.
const scope = self as unknown as {
  postMessage(message: SynthResult): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SynthRequest>) => void): void;
};

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
