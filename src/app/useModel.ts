import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendPreference } from '../model/backend.js';
import type { LocalFolder } from '../model/files.js';
import type { LoadProgress } from '../model/package.js';
import type { WorkerClient } from '../worker/client.js';
import type { ModelInfo, ModelSource } from '../worker/protocol.js';

export type ModelState =
  | { status: 'idle'; previous?: ModelInfo }
  | { status: 'confirm'; url: string; origin: string; previous?: ModelInfo }
  | { status: 'loading'; progress: LoadProgress; previous?: ModelInfo }
  | { status: 'ready'; info: ModelInfo }
  | { status: 'failed'; message: string; previous?: ModelInfo };

export interface ModelRequest {
  url: string;
  backend: BackendPreference;
  quantization: string;
}

/** A package in a folder the person picked, loaded with the form's backend and quantization. */
export interface FolderRequest {
  folder: LocalFolder;
  backend: BackendPreference;
  quantization: string;
}

const TRUSTED_KEY = 'verispec-trusted-model-origins';

/** Model origins the person has agreed to download from (the page's own always). */
function trustedOrigins(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(TRUSTED_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function trust(origin: string): void {
  try {
    localStorage.setItem(TRUSTED_KEY, JSON.stringify([...trustedOrigins(), origin]));
  } catch {
    // No storage (private mode): the person is asked again next time.
  }
}

/** A typed model URL, resolved against the page (so `models/x/` and `/models/x/` work), or why it is not one. */
export function resolveModelUrl(url: string, base: string): { url: string } | { error: string } {
  try {
    const resolved = new URL(url.trim(), base);
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return { error: `a model URL must be http(s), not ${resolved.protocol}` };
    return { url: resolved.toString() };
  } catch {
    return { error: `not a URL: ${url}` };
  }
}

export const currentModel = (s: ModelState): ModelInfo | undefined => (s.status === 'ready' ? s.info : s.previous);

/**
 * The loaded model and how to load another. A package from another origin
 * is downloaded only after the person confirms it (a permalink is untrusted
 * input and could name any host); a failed load keeps the model there was.
 */
export function useModel(client: WorkerClient, first: ModelRequest) {
  const [state, setState] = useState<ModelState>({ status: 'idle' });
  const pending = useRef<ModelRequest | null>(null);

  const start = useCallback((source: ModelSource, request: { backend: BackendPreference; quantization: string }) => {
    setState((s) => ({ status: 'loading', progress: { phase: 'download', file: 'model.json', loaded: 0, total: 0 }, previous: currentModel(s) }));
    client.load(source, request.backend, (progress) => setState((s) => ({ status: 'loading', progress, previous: currentModel(s) })), request.quantization || undefined).then(
      (info) => setState({ status: 'ready', info }),
      (error: Error) => setState((s) => ({ status: 'failed', message: error.message, previous: currentModel(s) })),
    );
  }, [client]);

  const load = useCallback((request: ModelRequest) => {
    const resolved = resolveModelUrl(request.url, location.href);
    if ('error' in resolved) {
      setState((s) => ({ status: 'failed', message: resolved.error, previous: currentModel(s) }));
      return;
    }
    const origin = new URL(resolved.url).origin;
    const next = { ...request, url: resolved.url };
    if (origin !== location.origin && !trustedOrigins().has(origin)) {
      pending.current = next;
      setState((s) => ({ status: 'confirm', url: resolved.url, origin, previous: currentModel(s) }));
      return;
    }
    start({ kind: 'url', url: next.url }, next);
  }, [start]);

  /** A local folder needs no confirmation: the person chose it, and nothing is downloaded. */
  const openFolder = useCallback((request: FolderRequest) => {
    pending.current = null;
    start({ kind: 'folder', ...request.folder }, request);
  }, [start]);

  const confirm = useCallback((ok: boolean) => {
    const request = pending.current;
    pending.current = null;
    if (!request) return;
    if (!ok) {
      setState((s) => ({ status: 'failed', message: `not downloading from ${new URL(request.url).origin}`, previous: currentModel(s) }));
      return;
    }
    trust(new URL(request.url).origin);
    start({ kind: 'url', url: request.url }, request);
  }, [start]);

  const firstRequest = useRef(first);
  useEffect(() => load(firstRequest.current), [load]);
  return { state, load, confirm, openFolder };
}
