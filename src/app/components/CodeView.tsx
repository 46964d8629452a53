import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api';
import { loadMonaco } from './monaco.js';

/** An error on a line of the code. */
export interface CodeMarker {
  line: number;
  message: string;
}

interface Props {
  text: string;
  /** Errors to mark in the code (yosys's, on a finished lane). */
  markers: readonly CodeMarker[];
  /** Characters to light up (where a hovered tree node's tokens landed). */
  highlight?: { start: number; end: number } | null;
  label: string;
  testId: string;
}

/**
 * A lane's code in a read-only Monaco editor (Verilog highlighting, yosys's
 * error as a marker), streaming as the lane commits tokens. Plain text until
 * Monaco has loaded. The whole text is also in `data-text`, for tests.
 */
export function CodeView({ text, markers, highlight, label, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const [ready, setReady] = useState(false);
  const decorations = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    let disposed = false;
    loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      editor.current = monaco.editor.create(host.current, {
        value: '', language: 'verilog', readOnly: true, minimap: { enabled: false }, automaticLayout: true, fontSize: 12,
        lineNumbersMinChars: 3, scrollBeyondLastLine: false, wordWrap: 'on', renderLineHighlight: 'none', ariaLabel: label,
      });
      setReady(true);
    }, () => undefined);
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
  }, [label]);

  // Streaming: append when the text grew (keeps the view where it is), replace otherwise.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    const current = model.getValue();
    if (current === text) return;
    if (text.startsWith(current)) {
      const end = model.getFullModelRange().getEndPosition();
      model.applyEdits([{ range: { startLineNumber: end.lineNumber, startColumn: end.column, endLineNumber: end.lineNumber, endColumn: end.column }, text: text.slice(current.length) }]);
    } else {
      model.setValue(text);
    }
  }, [text, ready]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(model, 'checks', markers.map((m) => {
      const line = Math.min(Math.max(1, m.line), model.getLineCount());
      return { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: model.getLineMaxColumn(line), message: m.message, severity: monaco.MarkerSeverity.Error };
    }));
  }, [markers, ready, text]);

  useEffect(() => {
    const e = editor.current;
    const model = e?.getModel();
    if (!e || !model) return;
    decorations.current ??= e.createDecorationsCollection();
    if (!highlight) {
      decorations.current.clear();
      return;
    }
    const from = model.getPositionAt(highlight.start);
    const to = model.getPositionAt(Math.max(highlight.end, highlight.start));
    const range = { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
    const empty = highlight.end <= highlight.start;
    decorations.current.set([{ range, options: empty ? { className: 'code-caret', showIfCollapsed: true } : { inlineClassName: 'code-highlight' } }]);
    e.revealRangeInCenterIfOutsideViewport(range);
  }, [highlight, ready, text]);

  return (
    <div className="code-view" data-testid={testId} data-text={text} data-monaco={ready ? 'ready' : 'loading'} data-markers={markers.map((m) => m.line).join(',')}
      data-highlight={highlight ? `${highlight.start}-${highlight.end}` : undefined}>
      <div ref={host} className="code-editor" hidden={!ready} />
      {!ready && <pre className="code-plain" aria-label={label}>{text}</pre>}
    </div>
  );
}
