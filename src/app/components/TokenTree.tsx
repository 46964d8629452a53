import { useEffect, useState, type KeyboardEvent } from 'react';
import type { NodeState, StepEvent } from '../../engine/decode.js';

export const NODE_STATES: readonly { state: NodeState; label: string; why: string }[] = [
  { state: 'root', label: 'root', why: 'the last committed token' },
  { state: 'committed', label: 'committed', why: 'accepted and kept' },
  { state: 'cut', label: 'cut by syntax', why: 'accepted, but dropped to end on a complete fragment' },
  { state: 'accepted', label: 'accepted, lost', why: 'accepted on a branch that was not the longest' },
  { state: 'rejected', label: 'rejected', why: 'not what the base model predicts' },
];

const LOOKED_UP = 'a candidate from the spec or the code so far (what followed the same tokens there), not from a head';

/** A token as text a person can read: whitespace made visible (bytes of split characters come as <e2 80>). */
export function visibleToken(text: string): string {
  if (text === '') return '∅';
  return text.replace(/ /g, '·').replace(/\n/g, '⏎').replace(/\t/g, '⇥');
}

export function TreeLegend() {
  return (
    <div className="legend-box">
      <ul className="legend" aria-label="Token tree legend">
        {NODE_STATES.map((s) => <li key={s.state} className={`node node-${s.state}`} title={s.why}>{s.label}</li>)}
        <li className="node looked" title={LOOKED_UP}>looked up</li>
      </ul>
      <p className="legend-note" data-testid="cut-explained">
        The syntax-aware lane commits only whole Verilog fragments: tokens accepted past the last complete
        keyword, name, operator or literal are cut and predicted again next step, so a step never ends mid-token.
      </p>
    </div>
  );
}

/** A span of a lane's code, in characters. */
export interface CodeRange {
  start: number;
  end: number;
}

/**
 * Where a node's tokens land in the lane's code: a kept node, its own text
 * (after the kept nodes above it); any other node, the text its step added
 * (the place its candidate competed for). `before`: the code before the step.
 */
export function nodeRange(event: StepEvent, node: number, before: number): CodeRange {
  const stepEnd = before + event.text.length;
  if (event.states[node] !== 'committed' || node === 0) return { start: before, end: stepEnd };
  let start = before;
  for (let a = event.tree.parents[node]!; a > 0; a = event.tree.parents[a]!) start += event.tree.texts[a]!.length;
  const end = Math.min(stepEnd, start + event.tree.texts[node]!.length);
  return { start: Math.min(start, end), end };
}

/** The 1-based steps where the syntax check cut accepted tokens. */
export function cutSteps(events: readonly StepEvent[]): number[] {
  return events.flatMap((e, i) => (e.states.includes('cut') ? [i + 1] : []));
}

/**
 * The candidate tree of any step of a lane: a scrubber (and the arrow keys)
 * moves through the steps; while the lane runs it follows the newest step
 * unless the person has moved back.
 */
export function TokenTree({ events, lane, finished, onHover }: { events: readonly StepEvent[]; lane: string; finished: boolean; onHover?: (range: CodeRange | null) => void }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const last = events.length;
  useEffect(() => {
    if (last === 0) setChosen(null);
  }, [last]);
  if (last === 0) return <p className="tree-empty">The token tree of each step appears here.</p>;
  // Running: follow the newest step. Finished: open on the step that kept the most tokens (the last is often a bare end).
  const start = finished ? busiestStep(events) : last;
  const step = Math.min(chosen ?? start, last);
  const event = events[step - 1]!;
  const go = (to: number) => setChosen(Math.max(1, Math.min(last, to)));
  const cuts = cutSteps(events);
  const ticks = `ticks-${lane}`;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft') go(step - 1);
    else if (e.key === 'ArrowRight') go(step + 1);
    else if (e.key === 'Home') go(1);
    else if (e.key === 'End') go(last);
    else return;
    e.preventDefault();
  };
  return (
    <div className="token-tree" data-testid={`tree-${lane}`} data-step={step}>
      <div className="scrubber" role="group" aria-label={`${lane} steps`} tabIndex={0} onKeyDown={onKey}>
        <button type="button" onClick={() => go(step - 1)} disabled={step <= 1} aria-label="previous step">◀</button>
        <input id={`step-${lane}`} name={`step-${lane}`} type="range" min={1} max={last} value={step} onChange={(e) => go(Number(e.target.value))} aria-label={`${lane} step`} list={cuts.length ? ticks : undefined} />
        {cuts.length > 0 && <datalist id={ticks} data-testid={`cut-ticks-${lane}`}>{cuts.map((c) => <option key={c} value={c} />)}</datalist>}
        <button type="button" onClick={() => go(step + 1)} disabled={step >= last} aria-label="next step">▶</button>
        <span className="step-label">step {step} / {last}{chosen === null && !finished ? ' (live)' : ''}: +{event.committed.length} token{event.committed.length === 1 ? '' : 's'}</span>
      </div>
      {lane === 'syntax' && (
        <p className="cut-count" data-testid={`cuts-${lane}`} data-cuts={cuts.length}>
          cut by syntax in {cuts.length} of {last} steps
          {cuts.length > 0 && <>{' '}<button type="button" onClick={() => go([...cuts].reverse().find((c) => c < step) ?? cuts[cuts.length - 1]!)}>previous cut</button>
            <button type="button" onClick={() => go(cuts.find((c) => c > step) ?? cuts[0]!)}>next cut</button></>}
        </p>
      )}
      <ul className="tree" aria-label={`step ${step} candidate tree`} onMouseLeave={() => onHover?.(null)}>
        <TreeNode event={event} node={0} children={childrenOf(event.tree.parents)}
          onHover={onHover && ((node) => onHover(nodeRange(event, node, textBefore(events, step))))} />
      </ul>
    </div>
  );
}

/** Characters of code written before a 1-based step. */
function textBefore(events: readonly StepEvent[], step: number): number {
  let n = 0;
  for (let i = 0; i < step - 1; i++) n += events[i]!.text.length;
  return n;
}

/** The 1-based step that committed the most tokens (the latest of equals). */
function busiestStep(events: readonly StepEvent[]): number {
  let best = 0;
  events.forEach((e, i) => {
    if (e.committed.length >= events[best]!.committed.length) best = i;
  });
  return best + 1;
}

/** Each node's children, in the tree's order (MEDUSA's: by depth, then rank). */
function childrenOf(parents: readonly number[]): number[][] {
  const children: number[][] = parents.map(() => []);
  parents.forEach((p, i) => {
    if (p >= 0) children[p]!.push(i);
  });
  return children;
}

function TreeNode({ event, node, children, onHover }: { event: StepEvent; node: number; children: number[][]; onHover?: (node: number) => void }) {
  const state = event.states[node]!;
  // The looked-up branch is the tree's last `lookup` nodes (engine/lookup.ts).
  const looked = node > 0 && node >= event.tree.tokens.length - (event.tree.lookup ?? 0);
  const why = NODE_STATES.find((s) => s.state === state)?.why;
  return (
    <li>
      <span className={`node node-${state}${looked ? ' looked' : ''}`} data-state={state} data-looked={looked || undefined}
        title={looked ? `${why}; ${LOOKED_UP}` : why} onMouseEnter={() => onHover?.(node)}>{visibleToken(event.tree.texts[node]!)}</span>
      {children[node]!.length > 0 && (
        <ul>{children[node]!.map((c) => <TreeNode key={c} event={event} node={c} children={children} onHover={onHover} />)}</ul>
      )}
    </li>
  );
}
