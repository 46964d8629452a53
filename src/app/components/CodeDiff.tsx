import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api';
import type { LaneLive } from '../useRace.js';
import { LANES } from '../useRace.js';
import { loadMonaco } from './monaco.js';

const laneText = (lane: LaneLive) => lane.events.map((e) => e.text).join('');

/** The first two lanes whose code differs, or null when every lane wrote the same code. */
export function differingPair(texts: readonly string[]): [number, number] | null {
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) if (texts[a] !== texts[b]) return [a, b];
  }
  return null;
}

/**
 * When a finished race's lanes wrote different code (sampling), the two
 * chosen lanes side by side in Monaco's diff editor (inline on a narrow screen).
 */
export function CodeDiff({ lanes, finished }: { lanes: readonly LaneLive[]; finished: boolean }) {
  const texts = lanes.map(laneText);
  const pair = finished ? differingPair(texts) : null;
  const [chosen, setChosen] = useState<[number, number] | null>(null);
  useEffect(() => setChosen(null), [pair?.[0], pair?.[1], texts.join('\u0000')]);
  if (!pair) return null;
  const [left, right] = chosen ?? pair;
  const pick = (side: 0 | 1, value: number) => setChosen(side === 0 ? [value, right] : [left, value]);
  return (
    <section className="diff-box" data-testid="code-diff" aria-label="The lanes' code compared">
      <h2>The lanes wrote different code</h2>
      <div className="diff-controls">
        <label htmlFor="diff-left">Left <select id="diff-left" name="diff-left" value={left} onChange={(e) => pick(0, Number(e.target.value))}>
          {LANES.map((l, i) => <option key={l.strategy} value={i}>{l.title}</option>)}
        </select></label>
        <label htmlFor="diff-right">Right <select id="diff-right" name="diff-right" value={right} onChange={(e) => pick(1, Number(e.target.value))}>
          {LANES.map((l, i) => <option key={l.strategy} value={i}>{l.title}</option>)}
        </select></label>
        {texts[left] === texts[right] && <span className="hint">these two lanes wrote the same code</span>}
      </div>
      <DiffEditor original={texts[left]!} modified={texts[right]!} />
    </section>
  );
}

function DiffEditor({ original, modified }: { original: string; modified: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<{ diff: Monaco.editor.IStandaloneDiffEditor; monaco: typeof Monaco } | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const diff = monaco.editor.createDiffEditor(host.current, {
        readOnly: true, originalEditable: false, automaticLayout: true, minimap: { enabled: false }, fontSize: 12,
        scrollBeyondLastLine: false, renderSideBySide: true, useInlineViewWhenSpaceIsLimited: true, renderOverviewRuler: false,
      });
      editor.current = { diff, monaco };
      setReady(true);
    }, () => undefined);
    return () => {
      disposed = true;
      const models = editor.current?.diff.getModel();
      editor.current?.diff.dispose();
      models?.original.dispose();
      models?.modified.dispose();
      editor.current = null;
    };
  }, []);
  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    const old = e.diff.getModel();
    e.diff.setModel({ original: e.monaco.editor.createModel(original, 'verilog'), modified: e.monaco.editor.createModel(modified, 'verilog') });
    old?.original.dispose();
    old?.modified.dispose();
  }, [original, modified, ready]);
  return <div ref={host} className="diff-editor" data-monaco={ready ? 'ready' : 'loading'} />;
}
