import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { COST_DEFAULTS, measureCost, projectLane, type AcceptancePoint, type CostReport } from '../engine/cost.js';
import { calibratedCurves, type CalibrationFile } from '../engine/calibrate.js';
import { quantizationBytes } from '../model/manifest.js';
import { STRATEGIES } from '../engine/decode.js';
import type { LoadedModel } from '../model/package.js';
import { checkProjection, type LaneCheck } from './cost-check.js';
import { CLI_BACKENDS, DEFAULT_MODEL, laneTrees, loadCliModel, type CliBackend } from './model-source.js';
import { UsageError } from './usage.js';

/** Each lane's tokens per step against tree size, from the trained package's calibration.json on this backend (or any). */
export async function acceptanceCurves(dir: string, backend: string, quantization: string): Promise<{ source: string; curves: Record<string, AcceptancePoint[]> }> {
  const file = JSON.parse(await readFile(resolve(dir, 'calibration.json'), 'utf8').catch(() => {
    throw new UsageError(`--acceptance: no calibration.json in ${dir} (run 'verispec bench --calibrate --model ${dir}' first)`);
  })) as CalibrationFile;
  const found = calibratedCurves(file, backend, quantization);
  if (!found || Object.keys(found.curves).length === 0) throw new UsageError(`--acceptance: ${dir}/calibration.json has no tokens-per-step curves`);
  return { source: `${dir} (${found.key})`, curves: found.curves };
}

const list = (value: string, flag: string) => {
  const xs = value.split(',').map(Number);
  if (xs.some((x) => !Number.isInteger(x) || x < 1)) throw new UsageError(`${flag} takes positive integers separated by commas, got '${value}'`);
  return xs;
};

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * `verispec bench --cost`: what the package costs on this backend (size,
 * load time, memory, encoder, decode step by tree size) and the lanes'
 * tokens/s projected from those costs and the trained model's tokens per step.
 */
export async function runCost(values: { model?: string; quantization?: string; acceptance?: string; 'spec-tokens'?: string; trees?: string; repeats?: string; json?: string; check?: string }, backend: CliBackend): Promise<void> {
  const check = values.check === undefined ? 0 : list(values.check, '--check')[0]!;
  const specTokens = list(values['spec-tokens'] ?? COST_DEFAULTS.specTokens.join(','), '--spec-tokens');
  const treeSizes = list(values.trees ?? COST_DEFAULTS.treeSizes.join(','), '--trees');
  if (!treeSizes.includes(1)) throw new UsageError('--trees must include 1: next-token decoding is what the lanes are compared with');
  const repeats = list(values.repeats ?? String(COST_DEFAULTS.repeats), '--repeats')[0]!;
  const rssBefore = process.memoryUsage().rss;
  const loadStarted = performance.now();
  const model = await loadCliModel(values.model, values.quantization, backend);
  const loadMs = performance.now() - loadStarted;
  const rssLoaded = process.memoryUsage().rss;
  const { manifest } = model;
  const acceptance = await acceptanceCurves(values.acceptance ?? DEFAULT_MODEL, CLI_BACKENDS[backend], model.quantization);
  console.error(`cost: ${manifest.id} (${(manifest.architecture.parameters / 1e6).toFixed(1)}M parameters, ${model.quantization}) on ${CLI_BACKENDS[backend]}; tokens per step from ${acceptance.source}`);
  const report: CostReport = await measureCost(model, { specTokens, treeSizes, repeats });
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  // The check runs on the trained package whose tokens per step the projection uses (the same one when --model is it).
  const acceptanceDir = values.acceptance ?? DEFAULT_MODEL;
  const checked = check ? await checkOn(acceptanceDir, model, values.model ?? DEFAULT_MODEL, backend, check) : null;
  const lanes = Object.fromEntries(Object.entries(acceptance.curves).map(([lane, curve]) =>
    [lane, projectLane(report.steps, curve, checked?.find((c) => c.lane === lane)?.overhead)]));
  const sizes = Object.fromEntries(Object.keys(manifest.quantizations).map((q) => [q, quantizationBytes(manifest, q)]));

  console.log(`${manifest.id}: ${(manifest.architecture.parameters / 1e6).toFixed(1)}M parameters, ${CLI_BACKENDS[backend]}, ${model.quantization}, ${cpus().length} CPUs`);
  console.log(`package: ${Object.entries(sizes).map(([q, b]) => `${q} ${mb(b)} MB`).join(', ')}; load ${(loadMs / 1000).toFixed(2)} s; memory: +${mb(rssLoaded - rssBefore)} MB after load, peak ${mb(peakRssBytes)} MB (process RSS)`);
  console.log(`encoder: ${report.encoder.map((e) => `${e.tokens} tokens ${e.ms.toFixed(1)} ms`).join(', ')}`);
  console.log(`\ndecode step, median of ${report.repeats}, after ${report.contextTokens} committed tokens:\n\n| nodes | decoder step ms | commit ms | heads ms | total ms |\n| --- | --- | --- | --- | --- |`);
  for (const s of report.steps) console.log(`| ${s.nodes} | ${s.stepMs.toFixed(2)} | ${s.commitMs.toFixed(2)} | ${s.headsMs.toFixed(2)} | ${s.totalMs.toFixed(2)} |`);
  console.log(`\nprojected decode tokens/s (step costs above x tokens per step of the trained model; first token left out; ${checked ? 'JS work per step as the check measured it' : 'JS work left out (--check measures it)'}):\n`);
  console.log('| lane | nodes | tokens/step | ms/step | tokens/s | speedup |\n| --- | --- | --- | --- | --- | --- |');
  const ntp = Object.values(lanes)[0]?.ntpTokensPerSecond ?? 1000 / (report.steps[0]!.stepMs + report.steps[0]!.commitMs);
  console.log(`| ntp | 1 | 1.00 | ${(1000 / ntp).toFixed(2)} | ${ntp.toFixed(1)} | 1.00x |`);
  for (const [lane, p] of Object.entries(lanes)) {
    for (const t of p.trees) console.log(`| ${lane} | ${t.nodes} | ${t.tokensPerStep.toFixed(2)} | ${t.msPerStep.toFixed(2)} | ${t.tokensPerSecond.toFixed(1)} | ${t.speedup.toFixed(2)}x |`);
  }
  if (checked) {
    console.log(`\ncheck on ${acceptanceDir}: the lanes decoded for real on ${check} validation specs (calibrated trees) against the projection from its step costs and the same runs' tokens per step:\n`);
    console.log('| lane | nodes | tokens/step | JS ms/step (NTP, lane) | measured speedup | projected, graphs only | projected | projected / measured |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const c of checked) console.log(`| ${c.lane} | ${c.nodes} | ${c.tokensPerStep.toFixed(2)} | ${c.overhead.ntpMs.toFixed(2)}, ${c.overhead.laneMs.toFixed(2)} | ${c.measured.toFixed(2)}x | ${c.projectedGraphs.toFixed(2)}x | ${c.projected.toFixed(2)}x | ${(c.projected / c.measured).toFixed(2)} |`);
  }
  if (values.json) {
    const out = {
      model: { id: manifest.id, parameters: manifest.architecture.parameters, quantization: model.quantization, location: values.model ?? DEFAULT_MODEL },
      backend: CLI_BACKENDS[backend], machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      packageBytes: sizes, loadMs, memory: { afterLoadBytes: rssLoaded - rssBefore, peakRssBytes },
      acceptance: acceptance.source, ...report, projection: lanes, check: checked,
    };
    await writeFile(values.json, `${JSON.stringify(out, null, 1)}\n`);
    console.error(`wrote ${resolve(values.json)}`);
  }
  await model.sessions.release();
}

/** The check (cost-check.ts) on the trained package, loaded on the same backend unless it is the one measured. */
async function checkOn(dir: string, measured: LoadedModel, measuredDir: string, backend: CliBackend, count: number): Promise<LaneCheck[]> {
  const same = resolve(dir) === resolve(measuredDir);
  const model = same ? measured : await loadCliModel(dir, undefined, backend);
  try {
    return await checkProjection(model, await laneTrees(dir, backend, model.quantization, STRATEGIES), count);
  } finally {
    if (!same) await model.sessions.release();
  }
}
