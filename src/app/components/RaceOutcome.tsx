import type { LaneResult, LaneVerdict } from '../race/outcome.js';
import { LANES } from '../useRace.js';

const COLOURS: Record<string, string> = { ntp: '#7a7a7a', medusa: '#1f77b4', syntax: '#2ca02c' };
const title = (strategy: string) => LANES.find((l) => l.strategy === strategy)?.title ?? strategy;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

/** The finished race: who won on their own measured clocks, by how much, and how. */
export function RaceOutcome({ verdict, lastRun, onReplay, replaying }: { verdict: LaneVerdict[]; lastRun: readonly LaneResult[]; onReplay: () => void; replaying: boolean }) {
  const byPlace = [...verdict].sort((a, b) => a.place - b.place);
  const runs = verdict[0]?.runs ?? 0;
  return (
    <section className="outcome" aria-label="Race outcome" data-testid="outcome">
      <h2>Result{runs > 1 ? ` (median of ${runs} runs)` : ''}</h2>
      <p className="sr-summary" aria-live="polite">
        {byPlace.map((v) => `${v.place}. ${title(v.strategy)} ${ms(v.wallMs)}${v.speedup ? `, ${v.speedup.toFixed(2)}x` : ''}`).join('; ')}
      </p>
      <table>
        <thead>
          <tr><th>place</th><th>lane</th><th>time</th><th>speedup</th><th>first token</th><th>decode tok/s</th><th>accepted/step</th><th>steps</th><th>tokens</th></tr>
        </thead>
        <tbody>
          {byPlace.map((v) => (
            <tr key={v.strategy} data-testid={`outcome-${v.strategy}`} data-place={v.place} data-speedup={v.speedup ?? ''}>
              <td>{v.place}</td>
              <td><span className="swatch" style={{ background: COLOURS[v.strategy] }} /> {title(v.strategy)}</td>
              <td>{ms(v.wallMs)}</td>
              <td>{v.speedup === null ? 'n/a' : `${v.speedup.toFixed(2)}x`}</td>
              <td>{ms(v.firstTokenMs)}</td>
              <td>{v.decodeTokensPerSecond.toFixed(1)}</td>
              <td>{v.meanAccepted.toFixed(2)}</td>
              <td>{v.steps}</td>
              <td>{v.tokens}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Each lane is charged only its own measured step times: the lanes' steps interleave on one device, so this is what each would take alone. Speedup: decode tokens/s over NTP's.</p>
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
