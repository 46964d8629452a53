import type { RaceRecord } from '../state/history.js';

const when = (at: number) => new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The last races on this device, each a permalink that reproduces it (kept in this browser only). */
export function RaceHistory({ races, onClear }: { races: readonly RaceRecord[]; onClear: () => void }) {
  if (races.length === 0) return null;
  return (
    <details className="history" data-testid="history">
      <summary>Recent races ({races.length}, kept in this browser)</summary>
      <ol>
        {races.map((r) => (
          <li key={r.hash}>
            <a href={r.hash} data-testid="history-link">{r.title || '(empty spec)'}</a>{' '}
            <span className="hint">{when(r.at)} · {r.summary}</span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onClear}>Clear</button>
    </details>
  );
}
