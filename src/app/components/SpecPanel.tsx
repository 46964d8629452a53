import { useEffect, useState, type KeyboardEvent } from 'react';
import examples from '../examples.json';
import type { WorkerClient } from '../../worker/client.js';
import { SpecReadingLine } from './SpecReadingLine.js';

interface Props {
  client: WorkerClient;
  spec: string;
  onSpec: (spec: string) => void;
  /** Why Run is not possible now (no model, a race running, ...), or null. */
  blocked: string | null;
  running: boolean;
  modelReady: boolean;
  /** Names from the spec (the setting): only then is the header held to what the spec declares. */
  namesFromSpec: boolean;
  onRun: () => void;
  onStop: () => void;
  onShare: () => void;
  shared: string | null;
}

type SpecCount = Awaited<ReturnType<WorkerClient['countTokens']>>;

/** The spec in tokens of the loaded model, against what its encoder reads, and what names from the spec read in it (asked of the worker, debounced). */
function useTokenCount(client: WorkerClient, spec: string, modelReady: boolean): SpecCount | null {
  const [count, setCount] = useState<SpecCount | null>(null);
  useEffect(() => {
    if (!modelReady) return;
    let live = true;
    const timer = setTimeout(() => client.countTokens(spec).then((c) => live && setCount(c), () => undefined), 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, spec, modelReady]);
  return count;
}

/** The spec box, the examples the model does well, and Run / Stop / Share. */
export function SpecPanel({ client, spec, onSpec, blocked, running, modelReady, namesFromSpec, onRun, onStop, onShare, shared }: Props) {
  const tokens = useTokenCount(client, spec, modelReady);
  const tooLong = tokens !== null && tokens.count > tokens.limit;
  const empty = !spec.trim();
  const why = blocked ?? (empty ? 'type a spec first' : tooLong ? `the spec is ${tokens!.count} tokens; this model reads at most ${tokens!.limit}` : null);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!why) onRun();
    }
  };
  return (
    <section className="spec-panel" aria-label="Spec and run">
      <div className="spec-head">
        <label htmlFor="spec">Spec</label>
        <select id="examples" name="examples" aria-label="Examples" value="" onChange={(e) => e.target.value && onSpec(examples[Number(e.target.value)]!.spec)}>
          <option value="">Examples the model gets right…</option>
          {examples.map((ex, i) => <option key={ex.id} value={i}>{ex.family.replace(/_/g, ' ')}</option>)}
        </select>
      </div>
      <textarea id="spec" name="spec" className="spec" aria-label="Spec" value={spec} onChange={(e) => onSpec(e.target.value)} onKeyDown={onKey} spellCheck={false} />
      <p className={`spec-count${tooLong ? ' error' : ''}`} data-testid="spec-count">
        {spec.length} characters{tokens ? `, ${tokens.count} of ${tokens.limit} tokens` : ''}
      </p>
      {tokens && !empty && namesFromSpec && <SpecReadingLine reading={tokens.reading} />}
      <div className="controls">
        <button type="button" className="primary" onClick={onRun} disabled={why !== null} title="Ctrl+Enter">Run</button>
        <button type="button" onClick={onStop} disabled={!running}>Stop</button>
        <button type="button" onClick={onShare}>Share</button>
        {why && !running && <span className="hint" data-testid="run-blocked">{why}</span>}
        {shared && <span className="hint" role="status">{shared}</span>}
      </div>
    </section>
  );
}
