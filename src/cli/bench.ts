import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { FAMILIES } from '../corpus/families/index.js';
import { makeTask } from '../corpus/task.js';
import { readTaskFolders } from '../corpus/task-files.js';
import { calibrate } from '../engine/calibrate.js';
import { decode, STRATEGIES, type GrammarMode, type NameMode, type Strategy } from '../engine/decode.js';
import { TREE_GROWTHS, type LaneTree, type TreeGrowth } from '../engine/tree.js';
import { LaneStatsAccumulator, perPhase, type LaneStats } from '../engine/stats.js';
import type { LoadedModel } from '../model/package.js';
import { WEBGPU_KV_PAGE } from '../model/backend.js';
import { DEFAULT_KV_PAGE } from '../model/prompt-state.js';
import type { LookupOptions } from '../engine/lookup.js';
import { buildDatastore, type Datastore } from '../engine/datastore.js';
import { loadSyntaxNode } from '../syntax/node.js';
import type { VerilogSyntax } from '../syntax/index.js';
import { parseLaneHeads, parseGrammar, parseGrowth, parseLookup, parseNames, CLI_BACKENDS, DEFAULT_MODEL, laneTrees, loadCliModel, parseBackend, type CliBackend } from './model-source.js';
import { parseCommandArgs, UsageError } from './usage.js';
import { runCost } from './cost.js';

/** Specs calibration replays: validation-split tasks spread over the families (never the test split bench and eval use). */
export function calibrationSpecs(count: number): string[] {
  if (!Number.isInteger(count) || count < 1) throw new UsageError('--calibrate-specs must be a positive integer');
  const step = Math.max(1, Math.floor(FAMILIES.length / count));
  return Array.from({ length: count }, (_, i) => makeTask(FAMILIES[(i * step) % FAMILIES.length]!, 1 + Math.floor((i * step) / FAMILIES.length), 'validation').spec);
}

/** Held-out specs: test-split tasks (held-out combinations and phrasings), one family after another. */
export function benchPrompts(count: number): { id: string; spec: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const task = makeTask(FAMILIES[i % FAMILIES.length]!, 1 + Math.floor(i / FAMILIES.length), 'test');
    return { id: task.id, spec: task.spec };
  });
}

/** `--specs`: the test split's (held out), or the specs of a folder of tasks (eval/user: typed the way people type). */
async function benchSpecs(source: string, count: number): Promise<{ id: string; spec: string }[]> {
  if (source === 'test') return benchPrompts(count);
  const tasks = await readTaskFolders(source).catch((e: Error) => { throw new UsageError(`--specs: ${e.message}`); });
  if (tasks.length === 0) throw new UsageError(`--specs: no tasks in ${source}`);
  return tasks.slice(0, count).map((t) => ({ id: t.id, spec: t.spec }));
}

interface LaneRun { ids: number[]; stats: LaneStats }

/** A lane as bench runs it: its strategy and what its looked-up branch drafts from. */
interface Arm { name: string; strategy: Strategy; lookup: LookupOptions; growth?: TreeGrowth }

/** The drafting datastore from a corpus's train split (its first `examples` references), built here and timed. */
async function loadDatastore(model: LoadedModel, corpusDir: string, examples: number): Promise<Datastore> {
  if (!Number.isInteger(examples) || examples < 1) throw new UsageError('--datastore-examples must be a positive integer');
  const file = resolve(corpusDir, 'train.jsonl');
  if (!existsSync(file)) throw new UsageError(`--datastore: no train.jsonl in ${corpusDir} (the train split only: never test or validation code)`);
  const started = performance.now();
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).slice(0, examples);
  const store = buildDatastore(lines.map((line) => model.tokenizer.encodeCode((JSON.parse(line) as { output: string }).output)));
  console.error(`datastore: ${lines.length} train references, ${store.tokens.toLocaleString('en')} tokens, ${store.continuations.size.toLocaleString('en')} keys, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return store;
}

export async function runLane(model: LoadedModel, syntax: VerilogSyntax, spec: string, strategy: Strategy, maxNewTokens: number, tree?: Partial<LaneTree>, lookup?: LookupOptions, headVariant?: string, checks: { names?: NameMode; grammar?: GrammarMode } = {}): Promise<LaneRun> {
  const completeness = strategy === 'syntax' ? syntax.completeness() : undefined;
  const acc = new LaneStatsAccumulator();
  const it = decode(model, spec, { strategy, maxNewTokens, completeness, tree: tree?.choices, growth: tree?.growth, lookup, headVariant, ...checks });
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) return { ids: next.value.ids, stats: acc.stats() };
      acc.add(next.value);
    }
  } finally {
    completeness?.dispose();
  }
}

/** transformers.js generate() on the package's copy of the same base weights (the outside baseline). */
async function transformersJs(modelDir: string, maxNewTokens: number) {
  const tjs = await import('@huggingface/transformers');
  tjs.env.allowRemoteModels = false;
  tjs.env.localModelPath = modelDir;
  const model = await tjs.AutoModelForSeq2SeqLM.from_pretrained('transformers.js', { dtype: 'q8', local_files_only: true });
  return async (inputIds: number[]) => {
    const ids = new tjs.Tensor('int64', BigInt64Array.from(inputIds.map(BigInt)), [1, inputIds.length]);
    const mask = new tjs.Tensor('int64', new BigInt64Array(inputIds.length).fill(1n), [1, inputIds.length]);
    const started = performance.now();
    const out = (await model.generate({ inputs: ids, attention_mask: mask, max_new_tokens: maxNewTokens, do_sample: false, num_beams: 1 })) as { data: BigInt64Array };
    const ms = performance.now() - started;
    const tokens = Array.from(out.data, Number).slice(1).filter((t) => t !== 1);
    return { ids: tokens, ms };
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** `verispec bench`: every lane on every prompt in one run, and transformers.js as the outside baseline. */
export async function runBench(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, {
    prompts: { type: 'string', default: '20' }, model: { type: 'string' }, quantization: { type: 'string' },
    'max-tokens': { type: 'string', default: '256' }, json: { type: 'string' }, 'no-transformers-js': { type: 'boolean', default: false },
    specs: { type: 'string', default: 'test' }, growth: { type: 'string' }, calibrate: { type: 'boolean', default: false }, 'calibrate-specs': { type: 'string', default: '12' }, backend: { type: 'string' }, 'kv-page': { type: 'string' }, lookup: { type: 'string' }, heads: { type: 'string' }, names: { type: 'string' }, grammar: { type: 'string' },
    datastore: { type: 'string' }, 'datastore-examples': { type: 'string', default: '20000' },
    cost: { type: 'boolean', default: false }, check: { type: 'string' }, acceptance: { type: 'string' }, 'spec-tokens': { type: 'string' }, trees: { type: 'string' }, repeats: { type: 'string' },
  });
  const backend = parseBackend(values.backend);
  if (values.cost) return runCost(values, backend);
  if (values.calibrate) return runCalibrate(values.model, values.quantization, backend, Number(values['calibrate-specs']), parseLookup(values.lookup));
  const requested = Number(values.prompts);
  const maxNewTokens = Number(values['max-tokens']);
  if (!Number.isInteger(requested) || requested < 1) throw new UsageError('--prompts must be a positive integer');
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1) throw new UsageError('--max-tokens must be a positive integer');
  // WebGPU's default page is bigger: attending to spare slots costs little there, a new buffer shape more.
  const kvPage = values['kv-page'] === undefined ? (backend === 'webgpu' ? WEBGPU_KV_PAGE : DEFAULT_KV_PAGE) : Number(values['kv-page']);
  if (!Number.isInteger(kvPage) || kvPage < 1) throw new UsageError('--kv-page must be a positive integer');
  const lookup = parseLookup(values.lookup);
  const names = parseNames(values.names);
  const grammar = parseGrammar(values.grammar);
  const heads = parseLaneHeads(values.heads);
  const modelDir = values.model ?? DEFAULT_MODEL;
  const model = await loadCliModel(values.model, values.quantization, backend, kvPage);
  const syntax = await loadSyntaxNode();
  const store = values.datastore ? await loadDatastore(model, values.datastore, Number(values['datastore-examples'])) : undefined;
  // Arms: each lane as configured (`--growth both`: the speculative lanes once with each growth), and with a
  // datastore the speculative lanes again drafting from it too, in the same run.
  const growths = values.growth === 'both' ? TREE_GROWTHS : [parseGrowth(values.growth)];
  const arms: Arm[] = STRATEGIES.flatMap((s): Arm[] => (s === 'ntp' ? [{ name: s, strategy: s, lookup }] : growths.map((growth) => ({ name: growths.length > 1 ? `${s} ${growth}` : s, strategy: s, lookup, growth }))));
  if (store) arms.push(...STRATEGIES.filter((s) => s !== 'ntp').map((s) => ({ name: `${s}+store`, strategy: s, lookup: { ...lookup, store } })));
  const prompts = await benchSpecs(values.specs, requested);
  console.error(`bench: ${model.manifest.id} (${model.quantization}), ${prompts.length} prompts (${values.specs === 'test' ? 'held-out test split' : values.specs}), up to ${maxNewTokens} tokens, names ${names}, grammar ${grammar}, ${CLI_BACKENDS[backend]}, KV cache pages of ${kvPage} slots`);
  const trees = await laneTrees(values.model, backend, model.quantization, STRATEGIES, heads);
  if (Object.keys(heads).length) console.error(`heads: ${Object.entries(heads).map(([l, v]) => `${l} lane on ${v} heads`).join('; ')}`);
  console.error(`trees: ${[...trees].map(([s, t]) => `${s} ${t ? `calibrated, ${t.choices.length + 1} nodes, ${t.growth}` : 'the variant default'}`).join('; ')}`);
  // An arm's growth overrides the calibrated one (without a calibration: the variant's default tree, grown so).
  const treeOf = (a: Arm): Partial<LaneTree> | undefined => {
    const t = trees.get(a.strategy);
    return a.growth ? { choices: t?.choices, growth: a.growth } : t;
  };
  // Warm-up: every lane once, untimed.
  console.error(`lookup: ${lookup.maxTokens ? `speculative lanes also verify up to ${lookup.maxTokens} tokens looked up in the spec and output` : 'off'}`);
  for (const a of arms) await runLane(model, syntax, prompts[0]!.spec, a.strategy, 16, treeOf(a), a.lookup, heads[a.strategy], { names, grammar });
  const perLane = new Map<string, { stats: LaneStats[]; identical: boolean[] }>();
  // The outside baseline needs the package's transformers.js copy of the base (export.package writes it unless told not to).
  const hasCopy = existsSync(resolve(modelDir, 'transformers.js', 'config.json'));
  if (!values['no-transformers-js'] && !/^https?:/.test(modelDir) && !hasCopy) console.error('transformers.js baseline: skipped, the package has no transformers.js copy of its base');
  const baseline = values['no-transformers-js'] || /^https?:/.test(modelDir) || !hasCopy ? null : await transformersJs(modelDir, maxNewTokens);
  const baselineRuns: { ms: number; tokens: number; identical: boolean }[] = [];
  const count = prompts.length;
  for (const [i, prompt] of prompts.entries()) {
    const runs = new Map<string, LaneRun>();
    for (const a of arms) runs.set(a.name, await runLane(model, syntax, prompt.spec, a.strategy, maxNewTokens, treeOf(a), a.lookup, heads[a.strategy], { names, grammar }));
    const ntpIds = runs.get('ntp')!.ids;
    for (const [s, r] of runs) {
      const lane = perLane.get(s) ?? { stats: [], identical: [] };
      lane.stats.push(r.stats);
      lane.identical.push(JSON.stringify(r.ids) === JSON.stringify(ntpIds));
      perLane.set(s, lane);
    }
    if (baseline) {
      const b = await baseline(model.tokenizer.encodeSpec(prompt.spec));
      baselineRuns.push({ ms: b.ms, tokens: b.ids.length, identical: JSON.stringify(b.ids) === JSON.stringify(ntpIds) });
    }
    console.error(`  ${i + 1}/${count} ${prompt.id}: ${ntpIds.length} tokens`);
  }
  // Loops to the cap are perfectly predictable (lookup copies them): outputs that end are reported apart.
  const ended = prompts.map((_, i) => perLane.get('ntp')!.stats[i]!.tokens < maxNewTokens);
  const groups = [['all', () => true], ['ended', (i: number) => ended[i]!], ['hit the cap', (i: number) => !ended[i]]] as const;
  const rowsOf = (keep: (i: number) => boolean) => {
    const ntpRate = mean(perLane.get('ntp')!.stats.filter((_, i) => keep(i)).map((s) => s.decodeTokensPerSecond));
    return arms.map(({ name: s }) => {
      const lane = perLane.get(s)!;
      const st = lane.stats.filter((_, i) => keep(i));
      const rate = mean(st.map((x) => x.decodeTokensPerSecond));
      const depth = Math.max(...st.map((x) => x.headAcceptance.length));
      return {
        lane: s,
        prompts: st.length,
        decodeTokensPerSecond: rate,
        firstTokenMs: mean(st.map((x) => x.firstTokenMs)),
        steps: mean(st.map((x) => x.steps)),
        meanAccepted: mean(st.map((x) => x.meanAccepted)),
        headAcceptance: Array.from({ length: depth }, (_, d) => mean(st.map((x) => x.headAcceptance[d] ?? 0))),
        speedup: rate / ntpRate,
        msPerStep: { ...perPhase((k) => mean(st.map((x) => x.msPerStep[k]))), total: mean(st.map((x) => x.msPerStep.total)) },
        rerunShare: mean(st.map((x) => x.rerunShare)),
        identicalToNtp: `${lane.identical.filter((same, i) => same && keep(i)).length}/${st.length}`,
      };
    });
  };
  const rows = rowsOf(() => true);
  const ntpRate = rows[0]!.decodeTokensPerSecond;
  const baselineRow = baseline && {
    lane: 'transformers.js generate()',
    tokensPerSecond: mean(baselineRuns.map((b) => (b.tokens / b.ms) * 1000)),
    identicalToNtp: `${baselineRuns.filter((b) => b.identical).length}/${count}`,
  };
  const byOutcome = groups.slice(1).map(([label, keep]) => ({ outputs: label, lanes: ended.some((_, i) => keep(i)) ? rowsOf(keep) : [] }));
  const table = [
    '| lane | outputs | decode tok/s | speedup | first token ms | steps | accepted/step | identical to NTP |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[{ outputs: 'all', lanes: rows }, ...byOutcome].flatMap((g) => g.lanes.map((r) =>
      `| ${r.lane} | ${g.outputs} (${r.prompts}) | ${r.decodeTokensPerSecond.toFixed(1)} | ${r.speedup.toFixed(2)}x | ${r.firstTokenMs.toFixed(1)} | ${r.steps.toFixed(1)} | ${r.meanAccepted.toFixed(2)} | ${r.identicalToNtp} |`)),
    ...(baselineRow ? [`| ${baselineRow.lane} | all (${count}) | ${baselineRow.tokensPerSecond.toFixed(1)} (incl. first token) | ${(baselineRow.tokensPerSecond / ntpRate).toFixed(2)}x | | | 1.00 | ${baselineRow.identicalToNtp} |`] : []),
  ];
  console.log(table.join('\n'));
  for (const r of rows.filter((x) => x.headAcceptance.length)) console.log(`${r.lane} head acceptance: ${r.headAcceptance.map((a) => a.toFixed(2)).join(' ')}`);
  console.log('\nwhere a decode step\'s time goes (ms per step):\n');
  console.log(['| lane | decoder step | accept + syntax cut | KV commit | heads | other (JS) | total | steps run twice |', '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ lane, msPerStep: m, rerunShare }) => `| ${lane} | ${[m.forward, m.accept, m.commit, m.heads, m.total - m.forward - m.accept - m.commit - m.heads, m.total].map((x) => x.toFixed(2)).join(' | ')} | ${(100 * rerunShare).toFixed(1)}% |`)].join('\n'));
  if (values.json) {
    const report = {
      model: { id: model.manifest.id, quantization: model.quantization, location: modelDir },
      backend: CLI_BACKENDS[backend],
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      specs: values.specs, prompts: prompts.map((p) => p.id), maxNewTokens, kvPage, lookup: lookup.maxTokens, names, grammar, heads, lanes: rows, byOutcome, transformersJs: baselineRow,
    };
    await writeFile(values.json, `${JSON.stringify(report, null, 1)}\n`);
    console.error(`wrote ${resolve(values.json)}`);
  }
  await model.sessions.release();
}


/**
 * `verispec bench --calibrate`: for each head variant, tokens per step and
 * step time against tree size, replayed with its lane on validation specs on
 * this backend, and the tree with the most tokens/s,
 * written to the package's calibration.json under this backend's name.
 */
async function runCalibrate(location: string | undefined, quantization: string | undefined, backend: CliBackend, specCount: number, lookup: LookupOptions & { maxTokens: number }): Promise<void> {
  const model = await loadCliModel(location, quantization, backend);
  const dir = location ?? DEFAULT_MODEL;
  if (/^https?:/.test(dir)) throw new UsageError('--calibrate writes calibration.json beside model.json: give a folder');
  const file = resolve(dir, 'calibration.json');
  const existing = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  const results: Record<string, unknown> = {};
  const syntax = await loadSyntaxNode();
  const specs = calibrationSpecs(specCount);
  for (const variant of Object.keys(model.manifest.quantizations[model.quantization]!.heads)) {
    // Each variant is calibrated on the lane that uses it: the syntax heads with the syntax cut.
    const lane = variant === 'syntax' ? 'syntax' : 'medusa';
    const c = await calibrate(model, variant, { lane, specs, lookup, newChecker: () => syntax.completeness() });
    console.log(`${variant} heads, ${lane} lane (${CLI_BACKENDS[backend]}, ${model.quantization}, ${c.specs} validation specs replayed per tree):`);
    console.log('| nodes | growth | tokens/step (modelled, static) | tokens/step (replayed) | ms/step | tokens/s |\n| --- | --- | --- | --- | --- | --- |');
    for (const p of c.curve) console.log(`| ${p.nodes} | ${p.growth} | ${p.modelledTokensPerStep.toFixed(2)} | ${p.tokensPerStep.toFixed(2)} | ${p.stepMs.toFixed(2)} | ${p.tokensPerSecond.toFixed(0)} |`);
    console.log(`best: ${c.best.nodes} nodes, ${c.best.growth}\n`);
    results[variant] = { lane, best: c.best, curve: c.curve.map(({ choices: _, ...rest }) => rest) };
  }
  // Trees are chosen with lookup as it will run (the looked-up branch rides beside them).
  existing[`${CLI_BACKENDS[backend]}/${model.quantization}`] = { measured: new Date().toISOString(), cpus: cpus().length, lookup: lookup.maxTokens, variants: results };
  await writeFile(file, `${JSON.stringify(existing, null, 1)}\n`);
  console.error(`wrote ${file}`);
  await model.sessions.release();
}
