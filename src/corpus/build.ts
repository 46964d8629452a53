import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { VerilogSyntax } from '../syntax/index.js';
import { FAMILIES } from './families/index.js';
import { binaryPackageFiles, fetchSourcePackages, RTL_PACKAGES, sourceTreeFiles, type SourceFile } from './rtl/debian.js';
import { modulePairs } from './rtl/pairs.js';
import { runTrainModule, writeJsonl } from './files.js';
import { syntheticExamples } from './synthetic.js';
import type { Split } from './task.js';

export interface BuildOptions {
  out: string;
  /** Downloads kept between builds (the source packages). */
  cache: string;
  perSplit: Record<Split, number>;
  jobs: number;
  /** Simulate the train tasks whose seed is a multiple of this (1: every one); validation and test always. */
  simulateTrainEvery?: number;
  /** Also harvest the source packages (apt-get source); installed files are always harvested. */
  sourcePackages: boolean;
  /** Harvest only the first N files (by package and path): for fixtures. */
  rtlFiles?: number;
  /** Vocabulary sizes the tokenizer step measures; it keeps the best by its rule. */
  vocabSizes: number[];
  /** A tokenizer.json to use instead of training one (the vocabulary a model continues training with). */
  tokenizer?: string;
  /** Longest spec kept, in tokens (default 512: the encoder's limit in the shipped package). */
  maxSourceTokens?: number;
  log: (m: string) => void;
}

/**
 * The whole corpus: synthetic tasks (every reference simulated), real RTL
 * from Debian packages, fragment spans for both (Node: the one segmenter),
 * then dedup, splits, tokenizer and per-token fragment flags (Python:
 * datasketch and HF tokenizers, in train/'s environment).
 */
export async function buildCorpus(syntax: VerilogSyntax, options: BuildOptions): Promise<void> {
  const out = resolve(options.out);
  const raw = join(out, 'raw');
  await mkdir(raw, { recursive: true });
  const { log } = options;
  const started = Date.now();

  log(`synthetic tasks: ${FAMILIES.length} families x ${JSON.stringify(options.perSplit)}`);
  const synthetic = await syntheticExamples(FAMILIES, options.perSplit, syntax, { jobs: options.jobs, simulateTrainEvery: options.simulateTrainEvery, log });
  if (synthetic.stats.failures.length > 0) {
    const shown = synthetic.stats.failures.slice(0, 5).map((f) => `${f.id}: ${f.line}`).join('\n  ');
    throw new Error(`${synthetic.stats.failures.length} references fail their own testbench (a generator bug):\n  ${shown}`);
  }
  await writeJsonl(join(raw, 'synthetic.jsonl'), synthetic.examples);

  log(`real RTL: ${RTL_PACKAGES.join(', ')}`);
  const files: SourceFile[] = [];
  for (const pkg of RTL_PACKAGES) files.push(...(await binaryPackageFiles(pkg, log)));
  if (options.sourcePackages) {
    // A corpus without the source packages is a different corpus (about a third of the real
    // RTL): stop and say how to get them, rather than train quietly on less.
    const { trees, errors } = await fetchSourcePackages(RTL_PACKAGES, resolve(options.cache, 'debian-src'), log).catch((error: Error) => ({ trees: new Map(), errors: [error.message] }));
    if (errors.length > 0) {
      throw new Error(`the Debian source packages could not be fetched: ${errors.join('; ')}\n`
        + '  apt needs deb-src access and gpgv to verify it (Debian: apt-get install gpgv dpkg-dev); '
        + 'or build from the installed files only with --no-source-packages (a smaller corpus)');
    }
    for (const [pkg, tree] of trees) files.push(...(await sourceTreeFiles(pkg, tree)));
  }
  files.sort((a, b) => a.package.localeCompare(b.package) || a.origin.localeCompare(b.origin) || a.path.localeCompare(b.path));
  if (options.rtlFiles !== undefined) files.splice(options.rtlFiles);
  const rtl = await modulePairs(files, syntax, log);
  await writeJsonl(join(raw, 'rtl.jsonl'), rtl.examples);

  const nodeStats = {
    synthetic: { ...synthetic.stats, families: FAMILIES.length, passRate: synthetic.stats.passed / synthetic.stats.simulated },
    rtl: { ...rtl.stats, sourcePackages: options.sourcePackages, byPackage: countBy(rtl.examples, (e) => `${e.meta.package}/${e.meta.origin}`), licences: countBy(rtl.examples, (e) => String(e.meta.licence)) },
    seconds: (Date.now() - started) / 1000,
  };
  await writeFile(join(raw, 'stats.json'), `${JSON.stringify(nodeStats, null, 1)}\n`);
  log(`raw examples written to ${raw} (${nodeStats.seconds.toFixed(0)} s)`);

  await runTrainModule('corpus', ['--raw', raw, '--out', out, '--vocab-sizes', options.vocabSizes.join(','),
    '--max-source-tokens', String(options.maxSourceTokens ?? 512), ...(options.tokenizer ? ['--tokenizer', resolve(options.tokenizer)] : [])]);
  log(`corpus built in ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
