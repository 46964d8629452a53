import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ModelInfo, WorkerRequest, WorkerResponse } from './protocol.js';
import { WorkerClient } from './client.js';

/** A stand-in for the browser's Worker: records what it is sent; the test answers. */
class FakeWorker {
  static all: FakeWorker[] = [];
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  private readonly listeners: ((event: { data: WorkerResponse }) => void)[] = [];
  constructor() {
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, listener: (event: { data: WorkerResponse }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the last request of `type`. */
  reply(type: WorkerRequest['type'], answer: (id: number) => WorkerResponse): void {
    const request = [...this.sent].reverse().find((m) => m.type === type)!;
    for (const listener of this.listeners) listener({ data: answer(request.id) });
  }
}

const info = { id: 'model' } as unknown as ModelInfo;
const loaded = (id: number): WorkerResponse => ({ id, type: 'loaded', info });
const failed = (id: number): WorkerResponse => ({ id, type: 'error', error: { name: 'ModelLoadError', message: 'HTTP 404', code: 'fetch-failed' } });
const source = { kind: 'url', url: '/models/a/' } as never;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A client whose first worker has loaded a model. */
async function loadedClient(): Promise<WorkerClient> {
  const client = new WorkerClient();
  const first = client.load(source, 'auto');
  FakeWorker.all[0]!.reply('load', loaded);
  await first;
  return client;
}

describe('WorkerClient', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  test('the first load uses the first worker; a later one loads in a fresh worker, which replaces the old only once it has loaded', async () => {
    const client = await loadedClient();
    const second = client.load(source, 'auto');
    expect(FakeWorker.all.length).toBe(2);
    const segment = client.segment('module m; endmodule');
    await settle();
    expect(FakeWorker.all[0]!.sent.at(-1)!.type).toBe('segment');
    FakeWorker.all[1]!.reply('load', loaded);
    await second;
    expect(FakeWorker.all[0]!.terminated).toBe(true);
    await expect(segment).rejects.toThrow('another model was loaded');
  });

  test('a failed later load keeps the current worker and its model', async () => {
    const client = await loadedClient();
    const bad = client.load(source, 'auto');
    FakeWorker.all[1]!.reply('load', failed);
    await expect(bad).rejects.toThrow('HTTP 404');
    expect(FakeWorker.all[1]!.terminated).toBe(true);
    expect(FakeWorker.all[0]!.terminated).toBe(false);
    void client.segment('x');
    expect(FakeWorker.all[0]!.sent.at(-1)!.type).toBe('segment');
  });

  test('after a failed first load the next load gets a fresh worker (the first may be broken)', async () => {
    const client = new WorkerClient();
    const bad = client.load(source, 'auto');
    FakeWorker.all[0]!.reply('load', failed);
    await expect(bad).rejects.toThrow('HTTP 404');
    const retry = client.load(source, 'auto');
    expect(FakeWorker.all.length).toBe(2);
    FakeWorker.all[1]!.reply('load', loaded);
    await expect(retry).resolves.toBe(info);
    expect(FakeWorker.all[0]!.terminated).toBe(true);
  });

  test('terminate stops a worker still loading too, and what is pending rejects as cancelled', async () => {
    const client = await loadedClient();
    const second = client.load(source, 'auto');
    const segment = client.segment('x');
    client.terminate();
    expect(FakeWorker.all.map((w) => w.terminated)).toEqual([true, true]);
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    await expect(segment).rejects.toMatchObject({ code: 'cancelled' });
    await expect(client.load(source, 'auto')).rejects.toMatchObject({ code: 'cancelled' });
  });
});
