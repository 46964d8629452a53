import { useEffect, useState } from 'react';
import type { BackendPreference } from '../../model/backend.js';
import { pickedFolder } from '../../model/files.js';
import type { ModelInfo } from '../../worker/protocol.js';
import { formatSize, loadingLabel } from '../loading.js';
import { SHIPPED_MODEL_URL } from '../state/settings.js';
import { currentModel, type FolderRequest, type ModelRequest, type ModelState } from '../useModel.js';

// `webkitdirectory` is not in React's input attributes; React passes it through to the DOM.
const DIRECTORY = { webkitdirectory: '' } as Record<string, string>;

interface Props {
  state: ModelState;
  request: ModelRequest;
  busy: boolean;
  onLoad: (request: ModelRequest) => void;
  onOpenFolder: (request: FolderRequest) => void;
  onConfirm: (ok: boolean) => void;
}

/** Which model, on which backend: the URL form, the download and compile progress, and what was chosen and why. */
export function ModelBar({ state, request, busy, onLoad, onOpenFolder, onConfirm }: Props) {
  const [url, setUrl] = useState(request.url);
  const [backend, setBackend] = useState<BackendPreference>(request.backend);
  const [quantization, setQuantization] = useState(request.quantization);
  const info = currentModel(state);
  const quantizations = info?.quantizations ?? [];
  // A quantization the loaded package lacks (it fell back, and said so) is not offered again.
  useEffect(() => {
    if (info && quantization && !info.quantizations.includes(quantization)) setQuantization('');
  }, [info, quantization]);
  return (
    <section className="model-bar" aria-label="Model">
      <form className="model-form" onSubmit={(e) => { e.preventDefault(); onLoad({ url, backend, quantization }); }}>
        <label className="grow" htmlFor="model-url">Model package URL <input id="model-url" name="model" aria-label="Model package URL" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} /></label>
        <label>Backend{' '}
          <select id="model-backend" name="backend" aria-label="Backend" value={backend} onChange={(e) => setBackend(e.target.value as BackendPreference)}>
            <option value="auto">auto (WebGPU, else WASM)</option>
            <option value="webgpu">WebGPU</option>
            <option value="wasm">WASM</option>
          </select>
        </label>
        <label>Quantization{' '}
          <select id="model-quantization" name="quantization" aria-label="Quantization" value={quantization} onChange={(e) => setQuantization(e.target.value)}>
            <option value="">package default</option>
            {[...new Set([...quantizations, ...(quantization ? [quantization] : [])])].map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
        </label>
        <button type="submit" disabled={state.status === 'loading' || busy}>Load</button>
        <label className={`folder-button${state.status === 'loading' || busy ? ' disabled' : ''}`} title="A model package on this computer: the folder that holds its model.json">
          Open folder…
          <input id="model-folder" name="model-folder" type="file" aria-label="Open a model package folder" {...DIRECTORY} disabled={state.status === 'loading' || busy}
            onChange={(e) => {
              const files = e.target.files;
              if (files?.length) onOpenFolder({ folder: pickedFolder(files), backend, quantization });
              // The same folder may be chosen again (after copying in a missing file).
              e.target.value = '';
            }} />
        </label>
      </form>
      {state.status === 'confirm' && (
        <div className="confirm" role="alertdialog" aria-label="Download from another site?">
          <p>Download a model package from <strong>{state.origin}</strong>? It is another site than this page; its files are checked against their sha256 before they run.</p>
          <button type="button" onClick={() => onConfirm(true)}>Download</button>
          <button type="button" onClick={() => onConfirm(false)}>Cancel</button>
        </div>
      )}
      {slowQ4(quantization || info?.quantization, backend, info) && (
        <p className="hint" data-testid="q4-note">q4 downloads less, but on WASM it decodes about 3x slower than int8 (4-bit weights are unpacked at every step).</p>
      )}
      <ModelStatus state={state} info={info} />
      {state.status === 'failed' && request.url !== SHIPPED_MODEL_URL && (
        <button type="button" data-testid="use-shipped" onClick={() => {
          setUrl(SHIPPED_MODEL_URL);
          setQuantization('');
          onLoad({ url: SHIPPED_MODEL_URL, backend, quantization: '' });
        }}>Use the shipped model</button>
      )}
    </section>
  );
}

/** q4 chosen or loaded where WASM runs it (measured: npm run bench:browser, int8 against q4). */
function slowQ4(quantization: string | undefined, backend: BackendPreference, info: ModelInfo | undefined): boolean {
  return quantization === 'q4' && (info ? info.backend === 'wasm' : backend === 'wasm');
}

function ModelStatus({ state, info }: { state: ModelState; info: ModelInfo | undefined }) {
  return (
    <div className="status" data-testid="model-status" data-status={state.status} data-backend={info?.backend ?? ''}>
      {state.status === 'loading' && state.progress.phase === 'download' && (
        <><progress max={state.progress.total || 1} value={state.progress.loaded} aria-label="Model download" /> {loadingLabel(state.progress)}</>
      )}
      {state.status === 'loading' && state.progress.phase !== 'download' && (
        <><progress aria-label={state.progress.phase === 'compiling' ? 'Compiling the model' : 'Warming up'} /> {loadingLabel(state.progress)}</>
      )}
      {state.status === 'confirm' && 'waiting for your confirmation'}
      {state.status === 'failed' && <span className="error" role="alert">{`could not load the model: ${state.message}`}{info && ` (still using ${info.id})`}</span>}
      {state.status === 'ready' && `${state.info.id} (${state.info.quantization}, ${formatSize(state.info.bytes)}) on ${state.info.backend === 'webgpu' ? 'WebGPU' : 'WASM'}`}
      {state.status === 'ready' && state.info.fallback && <span className="note">{` — WebGPU unavailable: ${state.info.fallback}`}</span>}
      {state.status === 'ready' && state.info.notice && <span className="note" role="status">{` — ${state.info.notice}`}</span>}
      {info?.folder && (
        <p className="hint" data-testid="local-model">{`Loaded from the folder ${info.folder} on this computer. A permalink cannot carry a local folder: links name the model URL above.`}</p>
      )}
    </div>
  );
}
