import { decode, type Strategy } from '../engine/decode.js';
import { loadSyntaxNode } from '../syntax/node.js';
import type { LoadedModel } from './package.js';

// For the WebGPU tests in Node: SwiftShader's Vulkan, which Debian's chromium package installs.
export const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

// SwiftShader compiles a pipeline per new shape: a short greedy prefix keeps the tests to minutes.
export const TOKENS = 20;

/** The first TOKENS greedy tokens of a lane. */
export async function laneIds(model: LoadedModel, spec: string, strategy: Strategy): Promise<number[]> {
  const completeness = strategy === 'syntax' ? (await loadSyntaxNode()).completeness() : undefined;
  const it = decode(model, spec, { strategy, maxNewTokens: TOKENS, completeness });
  for (;;) {
    const next = await it.next();
    if (next.done) {
      completeness?.dispose();
      return next.value.ids;
    }
  }
}
