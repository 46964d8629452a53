import { useEffect, useMemo, useState } from 'react';
import type { StepEvent, Strategy } from '../../engine/decode.js';
import { LaneStatsAccumulator } from '../../engine/stats.js';
import type { SynthClient, SynthVerdict, YosysDownload } from '../../synth/client.js';
import type { LaneStatus } from '../useRace.js';
import { downloadText, verilogFileName } from '../download.js';
import { CodeView } from './CodeView.js';
import { TokenTree, type CodeRange } from './TokenTree.js';

interface Props {
  synth: SynthClient;
  strategy: Strategy;
  title: string;
  status: LaneStatus;
  events: readonly StepEvent[];
  /** Steps shown (a replay shows each lane up to its own clock); all when undefined. */
  shownSteps?: number;
  /** The lane chosen in the phone layout's tabs (wide screens show every lane). */
  shown: boolean;
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

/** yosys's first download (29 MiB), while it lasts. */
function useYosysDownload(synth: SynthClient): YosysDownload | null {
  const [download, setDownload] = useState<YosysDownload | null>(null);
  useEffect(() => synth.onDownload((d) => setDownload(d.loaded < d.total ? d : null)), [synth]);
  return download;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** The synthesis badge: yosys's verdict, or that there is none (never a failure yosys did not find). */
function synthBadge(s: SynthVerdict | 'running', download: YosysDownload | null): { text: string; verdict: string; className: string } {
  if (s === 'running') {
    return { text: download ? `loading yosys: ${mib(download.loaded)} of ${mib(download.total)} MiB` : 'synthesizing…', verdict: 'running', className: 'badge-running' };
  }
  if (s.ok === null) return { text: 'synthesis unavailable', verdict: 'unavailable', className: 'badge-unavailable' };
  return s.ok ? { text: 'synthesizes', verdict: 'ok', className: 'badge-done' }
    : { text: `does not synthesize${s.line ? ` (line ${s.line})` : ''}`, verdict: 'failed', className: 'badge-failed' };
}

/** One lane: its numbers, its code as it streams, and its token tree over the steps. */
export function LaneView({ synth, strategy, title, status, events, shownSteps, shown: chosen }: Props) {
  const shown = shownSteps === undefined ? events : events.slice(0, shownSteps);
  const text = shown.map((e) => e.text).join('');
  const acc = new LaneStatsAccumulator();
  for (const e of shown) acc.add(e);
  const s = acc.stats();
  const finished = status === 'done' && shownSteps === undefined;
  const synthesis = useSynthesis(synth, text, finished);
  const download = useYosysDownload(synth);
  const badge = synthesis && synthBadge(synthesis, download);
  // yosys, the check eval trusts, marks the code; tree-sitter's parse (known false errors) drives only the fragments and the cut.
  const markers = useMemo(() => (synthesis && synthesis !== 'running' && synthesis.ok === false
    ? [{ line: synthesis.line ?? 1, message: `yosys: ${synthesis.message}` }] : []), [synthesis]);
  const [copied, setCopied] = useState(false);
  // A hovered tree node lights up where its tokens landed in the code.
  const [highlight, setHighlight] = useState<CodeRange | null>(null);
  const ownMs = shown.reduce((t, e) => t + e.stepMs, 0);
  return (
    <article className={`lane${chosen ? ' lane-chosen' : ''}`} id={`lane-${strategy}`} data-testid={`lane-${strategy}`} data-status={status} data-tokens={s.tokens} aria-labelledby={`lane-title-${strategy}`}>
      <header className="lane-head">
        <h3 id={`lane-title-${strategy}`}>{title}</h3>
        <span className={`badge badge-${status}`}>{status === 'cancelled' ? 'stopped' : status}</span>
        {badge && (
          <span className={`badge ${badge.className}`} data-testid={`synth-${strategy}`} data-verdict={badge.verdict}
            title={synthesis === 'running' ? 'yosys (WebAssembly) is synthesizing the code' : synthesis.message || 'yosys synth -auto-top succeeded'}>
            {badge.text}
          </span>
        )}
      </header>
      <p className="lane-stats">
        {s.steps ? `${s.tokens} tokens · ${s.steps} steps · ${s.meanAccepted.toFixed(2)} accepted/step · ${s.decodeTokensPerSecond.toFixed(1)} tok/s · ${(ownMs / 1000).toFixed(2)} s` : status === 'idle' ? 'waiting for a run' : 'starting…'}
      </p>
      <CodeView text={text} markers={finished ? markers : []} highlight={highlight} label={`${title} code`} testId={`code-${strategy}`} />
      <div className="lane-actions">
        <button type="button" disabled={!text} onClick={() => navigator.clipboard?.writeText(text).then(() => { setCopied(true); setTimeout(() => setCopied(false), 1500); }, () => undefined)}>{copied ? 'Copied' : 'Copy'}</button>
        <button type="button" disabled={!text} onClick={() => downloadText(verilogFileName(text, strategy), text)}>Download {verilogFileName(text, strategy)}</button>
      </div>
      <TokenTree events={shown} lane={strategy} finished={status !== 'running'} onHover={setHighlight} />
    </article>
  );
}
