import { loadSyntaxBrowser } from '../syntax/browser.js';
import type { VerilogSyntax } from '../syntax/index.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

// This file is compiled for a dedicated worker; the DOM lib types `self` as a window.
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

let syntax: Promise<VerilogSyntax> | undefined;

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  switch (request.type) {
    case 'segment': {
      syntax ??= loadSyntaxBrowser();
      const s = await syntax;
      const segmentation = s.segment(request.code);
      return { id: request.id, type: 'segment', result: { ...segmentation, diagnostics: s.diagnostics(request.code) } };
    }
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  handle(request).then(
    (response) => scope.postMessage(response),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      scope.postMessage({ id: request.id, type: 'error', error: { name: e.name, message: e.message } });
    },
  );
});
