import { useEffect, useState } from 'react';
import type { StepEvent, Strategy } from '../../engine/decode.js';
import { LaneStatsAccumulator } from '../../engine/stats.js';
import type { Diagnostic } from '../../syntax/index.js';
import type { SynthClient, SynthVerdict } from '../../synth/client.js';
import type { WorkerClient } from '../../worker/client.js';
import type { LaneStatus } from '../useRace.js';
import { CodeView } from './CodeView.js';
import { TokenTree } from './TokenTree.js';

interface Props {
  client: WorkerClient;
  synth: SynthClient;
  strategy: Strategy;
  title: string;
  status: LaneStatus;
  events: readonly StepEvent[];
  /** Steps shown (a replay shows each lane up to its own clock); all when undefined. */
  shownSteps?: number;
}

/** tree-sitter's verdict on a finished lane's code, from the worker. */
function useDiagnostics(client: WorkerClient, text: string, finished: boolean): Diagnostic[] | null {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[] | null>(null);
  useEffect(() => {
    setDiagnostics(null);
    if (!finished || !text) return;
    let live = true;
    client.segment(text).then((r) => live && setDiagnostics(r.diagnostics), () => live && setDiagnostics(null));
    return () => {
      live = false;
    };
  }, [client, text, finished]);
  return diagnostics;
}

/** yosys's verdict on a finished lane's code (the synthesis worker, loaded on first use). */
function useSynthesis(synth: SynthClient, text: string, finished: boolean): SynthVerdict | 'running' | null {
  const [verdict, setVerdict] = useState<SynthVerdict | 'running' | null>(null);
  useEffect(() => {
    setVerdict(null);
    if (!finished || !text.trim()) return;
    let live = true;
    setVerdict('running');
    synth.synthesize(text).then((v) => live && setVerdict(v));
    return () => {
      live = false;
    };
  }, [synth, text, finished]);
  return verdict;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** One lane: its numbers, its code as it streams, and its token tree over the steps. */
export function LaneView({ client, synth, strategy, title, status, events, shownSteps }: Props) {
  const shown = shownSteps === undefined ? events : events.slice(0, shownSteps);
  const text = shown.map((e) => e.text).join('');
  const acc = new LaneStatsAccumulator();
  for (const e of shown) acc.add(e);
  const s = acc.stats();
  const finished = status === 'done' && shownSteps === undefined;
  const diagnostics = useDiagnostics(client, text, finished);
  const synthesis = useSynthesis(synth, text, finished);
  const [copied, setCopied] = useState(false);
  const ownMs = shown.reduce((t, e) => t + e.stepMs, 0);
  return (
    <article className="lane" data-testid={`lane-${strategy}`} data-status={status} data-tokens={s.tokens} aria-labelledby={`lane-title-${strategy}`}>
      <header className="lane-head">
        <h3 id={`lane-title-${strategy}`}>{title}</h3>
        <span className={`badge badge-${status}`}>{status === 'cancelled' ? 'stopped' : status}</span>
        {finished && diagnostics && (
          <span className={`badge ${diagnostics.length ? 'badge-failed' : 'badge-done'}`} data-testid={`syntax-${strategy}`}
            title="tree-sitter-verilog's parse of the finished code">
            {diagnostics.length ? `${diagnostics.length} syntax error${diagnostics.length > 1 ? 's' : ''}` : 'parses'}
          </span>
        )}
        {synthesis && (
          <span className={`badge ${synthesis === 'running' ? 'badge-running' : synthesis.ok ? 'badge-done' : 'badge-failed'}`} data-testid={`synth-${strategy}`}
            data-verdict={synthesis === 'running' ? 'running' : synthesis.ok ? 'ok' : 'failed'} title={synthesis === 'running' ? 'yosys (WebAssembly) is synthesizing the code' : synthesis.message || 'yosys synth -auto-top succeeded'}>
            {synthesis === 'running' ? 'synthesizing…' : synthesis.ok ? 'synthesizes' : 'does not synthesize'}
          </span>
        )}
      </header>
      <p className="lane-stats">
        {s.steps ? `${s.tokens} tokens · ${s.steps} steps · ${s.meanAccepted.toFixed(2)} accepted/step · ${s.decodeTokensPerSecond.toFixed(1)} tok/s · ${(ownMs / 1000).toFixed(2)} s` : status === 'idle' ? 'waiting for a run' : 'starting…'}
      </p>
      <CodeView text={text} diagnostics={finished ? diagnostics ?? [] : []} label={`${title} code`} testId={`code-${strategy}`} />
      <div className="lane-actions">
        <button type="button" disabled={!text} onClick={() => navigator.clipboard?.writeText(text).then(() => { setCopied(true); setTimeout(() => setCopied(false), 1500); }, () => undefined)}>{copied ? 'Copied' : 'Copy'}</button>
        <button type="button" disabled={!text} onClick={() => download(`${strategy}.v`, text)}>Download .v</button>
      </div>
      <TokenTree events={shown} lane={strategy} finished={status !== 'running'} />
    </article>
  );
}
