import { useCallback, useEffect, useMemo, useState } from 'react';
import { SynthClient } from '../synth/client.js';
import { WorkerClient } from '../worker/client.js';
import { CostPanel } from './components/CostPanel.js';
import { CodeDiff } from './components/CodeDiff.js';
import { LaneView } from './components/LaneView.js';
import { ModelBar } from './components/ModelBar.js';
import { RaceHistory } from './components/RaceHistory.js';
import { RaceOutcome, RaceSummary } from './components/RaceOutcome.js';
import { SettingsPanel, type NumberKey } from './components/SettingsPanel.js';
import { SpecPanel } from './components/SpecPanel.js';
import { TreeLegend } from './components/TokenTree.js';
import { SyntaxInspector } from './SyntaxInspector.js';
import { laneClock, raceVerdict, sameCode, stepsBy } from './race/outcome.js';
import { initialState } from './state/initial.js';
import { encodePermalink } from './state/permalink.js';
import { SHIPPED_MODEL_URL, type Settings } from './state/settings.js';
import { currentModel, useModel } from './useModel.js';
import { LANES, useRace } from './useRace.js';
import { useRaceHistory } from './useRaceHistory.js';

const SCOPE = 'The shipped model is small (7.9M parameters, trained for 20.1 hours so far on two CPU cores, a little more each session, on synthetic tasks of 49 everyday RTL families and real RTL from Debian): it writes valid Verilog for about eight in nine new specs, and, kept to the names of the spec and to the grammar of Verilog as it writes (Settings: Names, Grammar), correct Verilog for a little under half of them. The race shows the decoders; verispec eval measures the code.';

/** The page: its workers live as long as it is mounted (created in an effect, so StrictMode's remount gets fresh ones). */
export function App() {
  const [workers, setWorkers] = useState<{ client: WorkerClient; synth: SynthClient } | null>(null);
  useEffect(() => {
    const next = { client: new WorkerClient(), synth: new SynthClient() };
    setWorkers(next);
    return () => {
      next.client.terminate();
      next.synth.terminate();
    };
  }, []);
  return workers ? <Playground client={workers.client} synth={workers.synth} /> : null;
}

function Playground({ client, synth }: { client: WorkerClient; synth: SynthClient }) {
  const init = useMemo(() => initialState(location.search, location.hash), []);
  const [spec, setSpec] = useState(init.spec);
  const [settings, setSettings] = useState<Settings>(init.settings);
  const [notices, setNotices] = useState(init.notices);
  const [shared, setShared] = useState<string | null>(null);
  // Settings fields that hold a value they refuse: Run waits for them (it would run the last good value).
  const [invalid, setInvalid] = useState<Partial<Record<NumberKey, string>>>({});
  const onInvalid = useCallback((name: NumberKey, why: string | null) => setInvalid((all) => {
    if ((all[name] ?? null) === why) return all;
    const next = { ...all };
    if (why) next[name] = why;
    else delete next[name];
    return next;
  }), []);
  const model = useModel(client, { url: settings.modelUrl, backend: settings.backend, quantization: settings.quantization });
  const race = useRace(client);
  const loadModel = model.load;
  const [replay, setReplay] = useState<{ start: number; now: number } | null>(null);
  const [shownLane, setShownLane] = useState(LANES.length - 1);

  const info = currentModel(model.state);
  const localFolder = info?.folder;
  const running = race.state.status === 'running';
  const firstInvalid = Object.values(invalid)[0];
  const blocked = !info ? (model.state.status === 'loading' ? 'the model is loading' : 'no model is loaded') : running ? 'a race is running'
    : model.state.status === 'loading' ? 'a model is loading' : firstInvalid ? `fix the settings: ${firstInvalid}` : null;

  const run = useCallback(() => {
    if (!info || running) return;
    setReplay(null);
    void race.start(spec, settings, info);
  }, [info, running, race, spec, settings]);

  // A permalink reproduces its race: run it once its model is there.
  const [autoRun, setAutoRun] = useState(init.fromPermalink);
  useEffect(() => {
    if (autoRun && model.state.status === 'ready') {
      setAutoRun(false);
      run();
    }
  }, [autoRun, model.state.status, run]);

  // A permalink opened in this page (pasted, or from the history) replaces the spec and
  // settings, loads its model if that differs, and runs.
  useEffect(() => {
    const onHash = () => {
      const next = initialState(location.search, location.hash);
      if (!next.fromPermalink) {
        if (next.notices.length) setNotices(next.notices);
        return;
      }
      setSpec(next.spec);
      setSettings(next.settings);
      setNotices(next.notices);
      const s = next.settings;
      // A link names a model URL: a package from a local folder is replaced by it.
      if (s.modelUrl !== settings.modelUrl || s.backend !== settings.backend || s.quantization !== settings.quantization || localFolder) {
        loadModel({ url: s.modelUrl, backend: s.backend, quantization: s.quantization });
      }
      setAutoRun(true);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [loadModel, settings.modelUrl, settings.backend, settings.quantization, localFolder]);

  const recent = useRaceHistory(race.state, spec, settings);

  const share = () => {
    const hash = encodePermalink({ spec, settings });
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    // A link cannot carry a local folder: it keeps the last model URL, and says so.
    const local = localFolder ? `; it names the model URL ${settings.modelUrl}, not the local folder ${localFolder} this race used` : '';
    navigator.clipboard?.writeText(location.href).then(() => setShared(`link copied${local}`), () => setShared(`link in the address bar${local}`));
    if (!navigator.clipboard) setShared(`link in the address bar${local}`);
  };

  // Replay: each lane's steps land on its own measured clock.
  useEffect(() => {
    if (!replay) return;
    const total = Math.max(...race.state.lanes.map((l) => laneClock(l.events).at(-1) ?? 0));
    if (replay.now - replay.start > total) {
      setReplay(null);
      return;
    }
    const frame = requestAnimationFrame(() => setReplay((r) => (r ? { ...r, now: performance.now() } : r)));
    return () => cancelAnimationFrame(frame);
  }, [replay, race.state.lanes]);

  // A quantization the package lacks (a link's ?quantization=bogus) fell back to its default:
  // said in the banner like any other bad parameter, and the settings kept true.
  useEffect(() => {
    if (!info || !settings.quantization || info.quantizations.includes(settings.quantization)) return;
    const asked = settings.quantization;
    setNotices((all) => [...all, `quantization ${JSON.stringify(asked)}: this package has ${info.quantizations.join(', ')}; using ${info.quantization}`]);
    setSettings((s) => ({ ...s, quantization: '' }));
  }, [info, settings.quantization]);

  const verdict = race.state.results.length > 0 && race.state.status !== 'running' ? raceVerdict(race.state.results) : [];
  const onSettings = (next: Settings) => setSettings({ ...next, modelUrl: settings.modelUrl, backend: settings.backend, quantization: settings.quantization });

  return (
    <main className="app">
      <header className="page-head">
        <h1>VeriSpec</h1>
        <p>Three decoders race on one Verilog model in your browser: next-token, MEDUSA, and syntax-aware MEDUSA (<a href="https://arxiv.org/abs/2503.14153">Xu et al., 2025</a>).</p>
        {settings.modelUrl === SHIPPED_MODEL_URL && !localFolder && <p className="scope">{SCOPE}</p>}
        {info?.trainedOn && <p className="scope">Loaded model: trained on {info.trainedOn}.</p>}
      </header>
      {notices.length > 0 && (
        <div className="notices" role="alert" data-testid="notices">
          {notices.map((n) => <p key={n}>{n}</p>)}
          <button type="button" onClick={() => setNotices([])}>Dismiss</button>
        </div>
      )}
      <ModelBar state={model.state} request={{ url: settings.modelUrl, backend: settings.backend, quantization: settings.quantization }} busy={running}
        onLoad={(r) => { setSettings((s) => ({ ...s, modelUrl: r.url, backend: r.backend, quantization: r.quantization })); model.load(r); }}
        onOpenFolder={(r) => { setSettings((s) => ({ ...s, backend: r.backend, quantization: r.quantization })); model.openFolder(r); }} onConfirm={model.confirm} />
      <div className="inputs">
        <SpecPanel client={client} spec={spec} onSpec={setSpec} blocked={blocked} running={running} modelReady={model.state.status === 'ready'}
          namesFromSpec={settings.names === 'spec'} onRun={run} onStop={race.stop} onShare={share} shared={shared} />
        <SettingsPanel settings={settings} model={info} onChange={onSettings} onInvalid={onInvalid} />
      </div>
      <RaceSummary verdict={verdict} running={running} run={race.state.run} of={race.state.of} error={race.state.error} />
      <TreeLegend />
      {/* On a phone the lanes are tabs (CSS shows the bar only there); side by side on a wide screen. */}
      <div className="lane-tabs" role="tablist" aria-label="Lanes">
        {LANES.map(({ strategy, title }, i) => (
          <button key={strategy} type="button" role="tab" id={`tab-${strategy}`} aria-selected={shownLane === i} aria-controls={`lane-${strategy}`}
            onClick={() => setShownLane(i)}>{title}{race.state.lanes[i]!.status === 'running' ? ' …' : ''}</button>
        ))}
      </div>
      <div className="lanes">
        {LANES.map(({ strategy, title }, i) => {
          const lane = race.state.lanes[i]!;
          const shownSteps = replay ? stepsBy(laneClock(lane.events), replay.now - replay.start) : undefined;
          return <LaneView key={strategy} synth={synth} strategy={strategy} title={title} status={lane.status} events={lane.events} shownSteps={shownSteps} shown={shownLane === i} />;
        })}
      </div>
      {verdict.length > 0 && (
        <RaceOutcome verdict={verdict} lastRun={race.state.results.at(-1)!} sameCode={sameCode(race.state.results)} replaying={replay !== null}
          onReplay={() => { const now = performance.now(); setReplay({ start: now, now }); }} />
      )}
      <CodeDiff lanes={race.state.lanes} finished={race.state.status === 'done'} />
      <details className="inspector-box">
        <summary>Fragments: how the syntax-aware lane cuts code</summary>
        <p className="hint">The syntax-aware lane keeps an accepted run of tokens only up to the end of its last complete fragment (a keyword, identifier, operator, number, …), so it never commits half of <code>&lt;=</code> or of a name. Type Verilog to see its fragments.</p>
        <SyntaxInspector client={client} />
      </details>
      <details className="inspector-box">
        <summary>Cost on this device: a decode step by tree size</summary>
        <CostPanel client={client} ready={model.state.status === 'ready'} busy={running} />
      </details>
      <RaceHistory races={recent.races} onClear={recent.clear} />
    </main>
  );
}
