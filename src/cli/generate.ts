import { fitsSource } from '../model/package.js';
import { decode, LANE_HEADS, STRATEGIES, type Strategy } from '../engine/decode.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { fittedExemplarInput, nearestExemplar } from '../retrieval/exemplars.js';
import type { LaneTree } from '../engine/tree.js';
import { calibratedTree, exemplarStoreOf, loadCliModel, parseBackend, parseGrammar, parseGrowth, parseLookup, parseNames } from './model-source.js';
import { parseCommandArgs, UsageError } from './usage.js';

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${value}'`);
  return n;
}

/** `verispec generate "spec"`: streams the code to stdout, a summary to stderr. */
export async function runGenerate(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    strategy: { type: 'string', default: 'syntax' }, model: { type: 'string' }, quantization: { type: 'string' }, backend: { type: 'string' },
    'max-tokens': { type: 'string' }, temperature: { type: 'string' }, seed: { type: 'string' },
    tree: { type: 'string' }, growth: { type: 'string' }, heads: { type: 'string' }, lookup: { type: 'string' }, events: { type: 'boolean', default: false }, exemplars: { type: 'string' }, names: { type: 'string' }, grammar: { type: 'string' },
  });
  if (positionals.length !== 1 || !positionals[0]!.trim()) throw new UsageError('expected one spec (quote it)');
  const strategy = values.strategy as Strategy;
  if (!STRATEGIES.includes(strategy)) throw new UsageError(`--strategy must be one of ${STRATEGIES.join(', ')}`);
  let tree: LaneTree | undefined;
  if (values.tree) {
    try { tree = { choices: JSON.parse(values.tree) as number[][], growth: 'static' }; } catch { throw new UsageError('--tree must be JSON, e.g. [[0],[1],[0,0]]'); }
  }
  const growth = parseGrowth(values.growth);
  const backend = parseBackend(values.backend);
  let input = positionals[0]!;
  const model = await loadCliModel(values.model, values.quantization, backend);
  if (values.exemplars !== undefined) {
    const found = nearestExemplar(await exemplarStoreOf(values.exemplars), input);
    console.error(found ? `exemplar: ${found.row.id}` : 'exemplar: none shares a word with the spec');
    if (found) input = fittedExemplarInput(input, found.row.code, fitsSource(model));
  }
  if (!tree && strategy !== 'ntp') {
    const variant = values.heads ?? LANE_HEADS[strategy];
    tree = await calibratedTree(values.model, backend, model.quantization, variant);
  }
  const completeness = strategy === 'syntax' ? (await loadSyntaxNode()).completeness() : undefined;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const started = performance.now();
  const it = decode(model, input, {
    strategy, completeness, tree: tree?.choices, growth: growth ?? tree?.growth, headVariant: values.heads, lookup: parseLookup(values.lookup), names: parseNames(values.names), grammar: parseGrammar(values.grammar), signal: controller.signal,
    maxNewTokens: number(values['max-tokens'], 'max-tokens', 512),
    temperature: number(values.temperature, 'temperature', 0), seed: number(values.seed, 'seed', 0),
  });
  let first: number | undefined;
  for (;;) {
    const next = await it.next();
    if (next.done) {
      const r = next.value;
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write('\n');
      console.error(`${strategy}: ${r.ids.length} tokens in ${r.steps} steps (${(r.ids.length / r.steps).toFixed(2)} a step), ` +
        `${(r.ids.length / seconds).toFixed(1)} tokens/s, first token after ${((first ?? 0) / 1000).toFixed(3)} s, stop: ${r.stop}, names: ${r.names}, grammar: ${r.grammar}`);
      completeness?.dispose();
      await model.sessions.release();
      return;
    }
    first ??= performance.now() - started;
    if (values.events) process.stderr.write(`${JSON.stringify(next.value)}\n`);
    process.stdout.write(next.value.text);
  }
}
