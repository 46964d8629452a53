import type { LaneResult, LaneVerdict } from '../race/outcome.js';
import { LANES } from '../useRace.js';

const COLOURS: Record<string, string> = { ntp: '#7a7a7a', medusa: '#1f77b4', syntax: '#2ca02c' };
const title = (strategy: string) => LANES.find((l) => l.strategy === strategy)?.title ?? strategy;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/**
 * One line above the lanes, always there (so nothing below it moves when a
 * race ends): what to do, the run in progress, or who won; the full outcome
 * is under the lanes.
 */
export function RaceSummary({ verdict, running, run, of, error }: { verdict: LaneVerdict[]; running: boolean; run: number; of: number; error?: string }) {
  const byPlace = [...verdict].sort((a, b) => a.place - b.place);
  let text: string;
  if (error) text = error;
  else if (running) text = of > 1 ? `Racing: run ${run} of ${of}…` : 'Racing…';
  else if (byPlace.length === 0) text = 'Run the race: the three lanes write the spec\'s module below, and the result appears here.';
  else {
    text = `${byPlace.map((v) => `${v.place}. ${title(v.strategy)}${v.speedup ? ` ${v.speedup.toFixed(2)}x` : ''}${v.withinNoise ? ' (within noise)' : ''}`).join(' · ')}`
      + ` — ${v0runs(byPlace)}; the full result is under the lanes.`;
  }
  return (
    <p className={`race-summary${error ? ' error' : ''}`} role={error ? 'alert' : 'status'} data-testid={error ? 'race-error' : 'race-summary'}>
      {text}{!error && byPlace.length > 0 && !running && <> <a href="#outcome">Details</a></>}
    </p>
  );
}

const v0runs = (verdict: readonly LaneVerdict[]) => (verdict[0]!.runs > 1 ? `median of ${verdict[0]!.runs} runs` : 'one run');

/** The finished race: who won on their own measured clocks, by how much, and how. */
export function RaceOutcome({ verdict, lastRun, sameCode, onReplay, replaying }: { verdict: LaneVerdict[]; lastRun: readonly LaneResult[]; sameCode: boolean; onReplay: () => void; replaying: boolean }) {
  const byPlace = [...verdict].sort((a, b) => a.place - b.place);
  const runs = verdict[0]?.runs ?? 0;
  const ntp = verdict.find((v) => v.strategy === 'ntp');
  const range = (v: LaneVerdict) => (runs > 1 && ntp ? `${(v.spread[0] / ntp.tokensPerSecond).toFixed(2)}–${(v.spread[1] / ntp.tokensPerSecond).toFixed(2)}x` : '');
  return (
    <section className="outcome" id="outcome" aria-label="Race outcome" data-testid="outcome">
      <h2>Result{runs > 1 ? ` (median of ${runs} runs)` : ' (one run)'}</h2>
      <p className="outcome-note" data-testid="outcome-note" data-same-code={sameCode}>
        {sameCode ? 'Same code, different speed: every lane wrote exactly the same tokens.'
          : 'The lanes wrote different code (sampling): they are compared by tokens a second.'}
        {runs > 1 ? ' "Within noise": the lane\'s range over the runs overlaps the lane ahead of it.' : ' One run decides nothing: set "Best of" to 3 or more for a verdict.'}
      </p>
      <p className="sr-summary" aria-live="polite">
        {byPlace.map((v) => `${v.place}. ${title(v.strategy)} ${ms(v.wallMs)}${v.speedup ? `, ${v.speedup.toFixed(2)}x` : ''}`).join('; ')}
      </p>
      <table>
        <thead>
          <tr><th>place</th><th>lane</th><th>time</th><th>tok/s</th><th>speedup</th><th>first token</th><th>decode tok/s</th><th>accepted/step</th><th>steps</th><th>tokens</th></tr>
        </thead>
        <tbody>
          {byPlace.map((v) => (
            <tr key={v.strategy} data-testid={`outcome-${v.strategy}`} data-place={v.place} data-speedup={v.speedup ?? ''} data-noise={v.withinNoise}>
              <td>{v.place}{v.withinNoise && <span className="noise" title="its range over the runs overlaps the lane placed ahead"> within noise</span>}</td>
              <td><span className="swatch" style={{ background: COLOURS[v.strategy] }} /> {title(v.strategy)}</td>
              <td>{ms(v.wallMs)}</td>
              <td>{v.tokensPerSecond.toFixed(1)}</td>
              <td>{v.speedup === null ? 'n/a' : `${v.speedup.toFixed(2)}x`}{range(v) && <span className="spread"> ({range(v)})</span>}</td>
              <td>{ms(v.firstTokenMs)}</td>
              <td>{v.decodeTokensPerSecond.toFixed(1)}</td>
              <td>{v.meanAccepted.toFixed(2)}</td>
              <td>{v.steps}</td>
              <td>{v.tokens}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Each lane is charged only its own measured step times: the lanes' steps interleave on one device, so this is what each would take alone. Place and speedup: tokens a second over the lane's whole time (first token included), over NTP's; in brackets the range over the runs.</p>
      <AcceptChart lanes={lastRun} />
      <button type="button" onClick={onReplay} disabled={replaying}>{replaying ? 'Replaying…' : 'Replay on the measured clocks'}</button>
    </section>
  );
}

/** Tokens committed per step over the run, one line per lane (the last run). */
function AcceptChart({ lanes }: { lanes: readonly LaneResult[] }) {
  const width = 480;
  const height = 120;
  const steps = Math.max(1, ...lanes.map((l) => l.acceptedPerStep.length));
  const top = Math.max(2, ...lanes.flatMap((l) => l.acceptedPerStep));
  const x = (i: number) => 30 + (i / Math.max(1, steps - 1)) * (width - 40);
  const y = (v: number) => height - 20 - (v / top) * (height - 30);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Tokens committed per step, per lane">
        <line x1={30} y1={y(0)} x2={width - 10} y2={y(0)} stroke="#bbb" />
        {[1, top].map((v) => <text key={v} x={24} y={y(v) + 4} textAnchor="end" fontSize={10}>{v}</text>)}
        {lanes.map((l) => (
          <polyline key={l.strategy} fill="none" stroke={COLOURS[l.strategy]} strokeWidth={1.5}
            points={l.acceptedPerStep.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
        ))}
        <text x={width - 10} y={height - 4} textAnchor="end" fontSize={10}>step</text>
      </svg>
      <figcaption>Tokens committed per step ({lanes.map((l) => `${title(l.strategy)}: ${l.meanAccepted.toFixed(2)} a step`).join(', ')})</figcaption>
    </figure>
  );
}
