import { useState } from 'react';
import type { WorkerClient } from '../../worker/client.js';
import type { CostResult } from '../../worker/protocol.js';

type State = { status: 'idle' } | { status: 'measuring' } | { status: 'done'; result: CostResult } | { status: 'failed'; message: string };

const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/**
 * What the loaded model costs on this device: the encoder, and one decode
 * step by tree size, measured in the worker; with the package's calibration,
 * the lanes' tokens/s projected from those costs.
 */
export function CostPanel({ client, ready, busy }: { client: WorkerClient; ready: boolean; busy: boolean }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const measure = () => {
    setState({ status: 'measuring' });
    client.measureCost().then(
      (result) => setState({ status: 'done', result }),
      (error: Error) => setState({ status: 'failed', message: error.message }),
    );
  };
  const result = state.status === 'done' ? state.result : null;
  return (
    <div className="cost" data-testid="cost-panel">
      <p className="hint">
        A bigger tree lets a lane commit more tokens a step, and costs more a step. This times the loaded model on this device: the encoder, and a
        decode step (decoder, KV commit, heads) for trees of 1 to 24 nodes. It takes a few seconds for a small model, a minute or more for a large one.
      </p>
      <button type="button" onClick={measure} disabled={!ready || busy || state.status === 'measuring'}>
        {state.status === 'measuring' ? 'Measuring…' : 'Measure'}
      </button>
      {!ready && <span className="hint"> Load a model first.</span>}
      {state.status === 'failed' && <p className="error" role="alert">{state.message}</p>}
      {result && (
        <div data-testid="cost-report" data-report={JSON.stringify(result)}>
          <p>
            {result.modelId} on {result.backend} ({result.quantization}): encoder{' '}
            {result.report.encoder.map((e) => `${ms(e.ms)} ms for ${e.tokens} tokens`).join(', ')}.
          </p>
          <div className="cost-table"><table>
            <thead><tr><th>tree nodes</th><th>decoder step ms</th><th>KV commit ms</th><th>heads ms</th><th>step ms</th></tr></thead>
            <tbody>
              {result.report.steps.map((s) => (
                <tr key={s.nodes}><td>{s.nodes}</td><td>{ms(s.stepMs)}</td><td>{ms(s.commitMs)}</td><td>{ms(s.headsMs)}</td><td>{ms(s.totalMs)}</td></tr>
              ))}
            </tbody>
          </table></div>
          {Object.keys(result.projection).length > 0 ? (
            <>
              <p className="hint">
                Projected decode speed: these step costs × the tokens a step each lane committed when this package was calibrated ({result.acceptance});
                next-token decoding runs {ms(Object.values(result.projection)[0]!.ntpTokensPerSecond)} tokens/s. First token and page work left out.
              </p>
              <div className="cost-table"><table>
                <thead><tr><th>lane</th><th>tree nodes</th><th>tokens/step</th><th>tokens/s</th><th>speedup</th></tr></thead>
                <tbody>
                  {Object.entries(result.projection).flatMap(([lane, p]) => p.trees.map((t) => (
                    <tr key={`${lane}-${t.nodes}`}><td>{lane}</td><td>{t.nodes}</td><td>{t.tokensPerStep.toFixed(2)}</td><td>{t.tokensPerSecond.toFixed(1)}</td><td>{t.speedup.toFixed(2)}x</td></tr>
                  )))}
                </tbody>
              </table></div>
            </>
          ) : (
            <p className="hint">This package has no calibration (calibration.json), so no speed is projected: run <code>verispec bench --calibrate</code> on a trained package.</p>
          )}
        </div>
      )}
    </div>
  );
}
