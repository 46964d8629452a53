import { describe, expect, test } from 'vitest';
import { softwareAdapter, webgpuUnavailable } from './backend.js';

const nav = (adapter: unknown) => ({ gpu: { requestAdapter: async () => adapter as never } });

describe('choosing a WebGPU adapter', () => {
  test('no WebGPU, no adapter and a failing request each say why', async () => {
    expect(await webgpuUnavailable({})).toMatch(/no WebGPU/);
    expect(await webgpuUnavailable(nav(null))).toMatch(/no adapter/);
    expect(await webgpuUnavailable({ gpu: { requestAdapter: async () => { throw new Error('blocked'); } } })).toMatch(/failed: blocked/);
    expect(await webgpuUnavailable(nav({ info: {} }))).toBeNull();
  });

  test('a software renderer is named, a real GPU is not', async () => {
    expect(await softwareAdapter(nav({ info: { vendor: 'google', architecture: 'swiftshader' } }))).toMatch(/software renderer here \(swiftshader\)/);
    expect(await softwareAdapter(nav({ info: { isFallbackAdapter: true } }))).toMatch(/software renderer/);
    expect(await softwareAdapter(nav({ info: { vendor: 'nvidia', architecture: 'hopper' } }))).toBeNull();
    expect(await softwareAdapter({})).toBeNull();
  });
});
