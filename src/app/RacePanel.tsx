import { useCallback, useEffect, useRef, useState } from 'react';
import type { StepEvent, Strategy } from '../engine/decode.js';
import { LaneStatsAccumulator, type LaneStats } from '../engine/stats.js';
import type { BackendPreference } from '../model/backend.js';
import { WorkerRequestError, type WorkerClient } from '../worker/client.js';
import type { ModelInfo } from '../worker/protocol.js';

const LANES: { strategy: Strategy; title: string }[] = [
  { strategy: 'ntp', title: 'NTP' },
  { strategy: 'medusa', title: 'MEDUSA' },
  { strategy: 'syntax', title: 'Syntax-aware MEDUSA' },
];

const EXAMPLE_SPEC = 'Write a Verilog module named counter: an 8-bit up counter with synchronous active-high reset rst and enable en, clocked on the rising edge of clk, output q.';

/** The shipped model, or the package named by `?model=` (any model package URL). */
function initialModelUrl(): string {
  return new URLSearchParams(location.search).get('model') ?? `${import.meta.env.BASE_URL}models/verispec-small/`;
}

/** `?quantization=` picks one of the package's quantizations (default: the package's own default). */
const initialQuantization = () => new URLSearchParams(location.search).get('quantization') ?? undefined;

function initialBackend(): BackendPreference {
  const b = new URLSearchParams(location.search).get('backend');
  return b === 'webgpu' || b === 'wasm' ? b : 'auto';
}

type ModelState =
  | { status: 'idle' }
  | { status: 'loading'; file: string; loaded: number; total: number; previous?: ModelInfo }
  | { status: 'ready'; info: ModelInfo }
  | { status: 'failed'; message: string; previous?: ModelInfo };

interface Lane {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  text: string;
  tokens: number;
  last?: StepEvent;
  stats?: LaneStats;
}

const idleLanes = (): Lane[] => LANES.map(() => ({ status: 'idle', text: '', tokens: 0 }));
const currentModel = (s: ModelState) => (s.status === 'ready' ? s.info : s.status === 'idle' ? undefined : s.previous);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Loads a model in the worker and races the three lanes on one spec. */
export function RacePanel({ client }: { client: WorkerClient }) {
  const [modelUrl, setModelUrl] = useState(initialModelUrl);
  const [backend, setBackend] = useState<BackendPreference>(initialBackend);
  const [model, setModel] = useState<ModelState>({ status: 'idle' });
  const [spec, setSpec] = useState(EXAMPLE_SPEC);
  const [maxTokens, setMaxTokens] = useState(256);
  const [lanes, setLanes] = useState<Lane[]>(idleLanes);
  const [raceError, setRaceError] = useState<string | null>(null);
  const raceId = useRef<number | null>(null);

  const load = useCallback((url: string, preference: BackendPreference) => {
    setModel((s) => ({ status: 'loading', file: 'model.json', loaded: 0, total: 0, previous: currentModel(s) }));
    const progress = (file: string, loaded: number, total: number) => setModel((s) => ({ status: 'loading', file, loaded, total, previous: currentModel(s) }));
    client.load(url, preference, progress, initialQuantization()).then(
      (info) => setModel({ status: 'ready', info }),
      (error: Error) => setModel((s) => ({ status: 'failed', message: error.message, previous: currentModel(s) })),
    );
  }, [client]);

  useEffect(() => load(initialModelUrl(), initialBackend()), [load]);

  const loadedModel = currentModel(model);
  const running = lanes.some((l) => l.status === 'running');

  const run = () => {
    if (!loadedModel) return;
    const accumulators = LANES.map(() => new LaneStatsAccumulator());
    setLanes(LANES.map(() => ({ status: 'running', text: '', tokens: 0 })));
    setRaceError(null);
    const handle = client.race(spec, LANES.map(({ strategy }) => ({ strategy, tree: loadedModel.calibratedTrees[strategy === 'syntax' ? 'syntax' : 'vanilla'] })),
      { maxNewTokens: maxTokens, temperature: 0 },
      (lane, event) => {
        accumulators[lane]!.add(event);
        setLanes((ls) => ls.map((l, i) => (i === lane ? { ...l, text: l.text + event.text, tokens: event.tokens, last: event, stats: accumulators[lane]!.stats(), status: event.done ? 'done' : 'running' } : l)));
      });
    raceId.current = handle.id;
    handle.done.then(
      () => setLanes((ls) => ls.map((l) => ({ ...l, status: 'done' }))),
      (error: Error) => {
        const cancelled = error instanceof WorkerRequestError && error.code === 'cancelled';
        setLanes((ls) => ls.map((l) => (l.status === 'running' ? { ...l, status: cancelled ? 'cancelled' : 'failed' } : l)));
        if (!cancelled) setRaceError(error.message);
      },
    ).finally(() => {
      raceId.current = null;
    });
  };

  const stop = () => {
    if (raceId.current !== null) void client.cancel(raceId.current);
  };

  return (
    <section className="race">
      <form className="model-form" onSubmit={(e) => { e.preventDefault(); load(modelUrl, backend); }}>
        <label>Model package URL <input aria-label="Model package URL" value={modelUrl} onChange={(e) => setModelUrl(e.target.value)} /></label>
        <label>Backend{' '}
          <select aria-label="Backend" value={backend} onChange={(e) => setBackend(e.target.value as BackendPreference)}>
            <option value="auto">auto (WebGPU, else WASM)</option>
            <option value="webgpu">WebGPU</option>
            <option value="wasm">WASM</option>
          </select>
        </label>
        <button type="submit" disabled={model.status === 'loading' || running}>Load</button>
      </form>
      <ModelStatus state={model} />
      <textarea className="spec" aria-label="Spec" value={spec} onChange={(e) => setSpec(e.target.value)} />
      <div className="controls">
        <label>Max tokens <input aria-label="Max tokens" type="number" min={1} max={2048} value={maxTokens} onChange={(e) => setMaxTokens(Math.max(1, Number(e.target.value) || 1))} /></label>
        <button type="button" onClick={run} disabled={!loadedModel || running || model.status === 'loading' || !spec.trim()}>Run</button>
        <button type="button" onClick={stop} disabled={!running}>Stop</button>
      </div>
      {raceError && <p className="error" role="alert" data-testid="race-error">{raceError}</p>}
      <div className="lanes">
        {LANES.map(({ strategy, title }, i) => <LaneView key={strategy} strategy={strategy} title={title} lane={lanes[i]!} />)}
      </div>
    </section>
  );
}

function ModelStatus({ state }: { state: ModelState }) {
  const info = currentModel(state);
  return (
    <div className="status" data-testid="model-status" data-status={state.status} data-backend={info?.backend ?? ''}>
      {state.status === 'loading' && `loading ${state.file}${state.total ? ` ${mib(state.loaded)} / ${mib(state.total)}` : '…'}`}
      {state.status === 'failed' && <span className="error" role="alert">{`could not load the model: ${state.message}`}{info && ` (still using ${info.id})`}</span>}
      {state.status === 'ready' && `${info!.id} (${info!.quantization}, ${mib(info!.bytes)}) on ${info!.backend === 'webgpu' ? 'WebGPU' : 'WASM'}`}
      {state.status === 'ready' && info!.fallback && <span className="note">{` — WebGPU unavailable: ${info!.fallback}`}</span>}
    </div>
  );
}

function LaneView({ strategy, title, lane }: { strategy: Strategy; title: string; lane: Lane }) {
  const s = lane.stats;
  return (
    <article className="lane" data-testid={`lane-${strategy}`} data-status={lane.status} data-tokens={lane.tokens}>
      <h3>{title}</h3>
      <p className="lane-stats">
        {s ? `${s.tokens} tokens, ${s.steps} steps, ${s.meanAccepted.toFixed(2)} accepted/step, ${s.decodeTokensPerSecond.toFixed(1)} tok/s` : lane.status}
        {lane.status === 'cancelled' && ' (stopped)'}
      </p>
      <pre className="lane-code" data-testid={`code-${strategy}`}>{lane.text}</pre>
      {lane.last && <TreeView event={lane.last} />}
    </article>
  );
}

/** The last step's candidates: committed, cut by the syntax check, accepted on a losing branch, rejected. */
function TreeView({ event }: { event: StepEvent }) {
  return (
    <ol className="tree" aria-label={`step ${event.step} tree`}>
      {event.tree.tokens.map((_, i) => (
        <li key={i} className={`node node-${event.states[i]}`} style={{ marginLeft: `${event.tree.depths[i]! * 0.8}rem` }} title={event.states[i]}>
          {JSON.stringify(event.tree.texts[i])}
        </li>
      ))}
    </ol>
  );
}
