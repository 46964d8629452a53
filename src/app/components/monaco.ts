import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api';

let loading: Promise<typeof Monaco> | undefined;

/**
 * Monaco, loaded on first use (its editor core is a few MB; the page works
 * before it arrives): the editor API and only the SystemVerilog/Verilog
 * language of its built-in basic languages, bundled by Vite (no CDN).
 */
export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= (async () => {
    const [monaco, { default: EditorWorker }] = await Promise.all([
      import('monaco-editor/esm/vs/editor/editor.api'),
      import('monaco-editor/esm/vs/editor/editor.worker?worker'),
      import('monaco-editor/esm/vs/basic-languages/systemverilog/systemverilog.contribution'),
    ]);
    (self as unknown as { MonacoEnvironment: { getWorker: () => Worker } }).MonacoEnvironment = { getWorker: () => new EditorWorker() };
    // The editors follow the system's light or dark mode, as the page's CSS does.
    const dark = matchMedia('(prefers-color-scheme: dark)');
    monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs');
    dark.addEventListener('change', (e) => monaco.editor.setTheme(e.matches ? 'vs-dark' : 'vs'));
    return monaco;
  })();
  return loading;
}
