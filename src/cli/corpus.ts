import { existsSync } from 'node:fs';
import { buildCorpus } from '../corpus/build.js';
import { buildExemplarCorpus } from '../corpus/exemplar-corpus.js';
import { FAMILIES, familyByName } from '../corpus/families/index.js';
import { DEFAULT_PER_SPLIT, makeTask, SPLITS, type Split } from '../corpus/task.js';
import { writeTaskFolder } from '../corpus/task-files.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { parseCommandArgs, UsageError } from './usage.js';

const SUBCOMMANDS = 'families | sample --family NAME --seed N --out DIR [--split S] | build [--out DIR] [--train N --validation N --test N] [--no-source-packages] [--tokenizer FILE] | exemplars --corpus DIR --out DIR [--max-source-tokens N]';

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

/** `verispec corpus families|sample|build`. */
export async function runCorpus(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'families') {
    parseCommandArgs(rest, {});
    for (const f of FAMILIES) console.log(f.name);
    return;
  }
  if (sub === 'sample') {
    const { values } = parseCommandArgs(rest, {
      family: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, split: { type: 'string', default: 'train' },
    });
    if (!values.family || values.seed === undefined || !values.out) throw new UsageError('sample needs --family, --seed and --out');
    if (!SPLITS.includes(values.split as Split)) throw new UsageError(`--split must be one of ${SPLITS.join(', ')}`);
    const family = (() => {
      try { return familyByName(values.family); } catch (e) { throw new UsageError((e as Error).message); }
    })();
    const task = makeTask(family, positiveInt(values.seed, 'seed', 0), values.split as Split);
    await writeTaskFolder(values.out, task);
    console.log(`${task.id}: ${values.out}/{spec.txt,reference.v,testbench.v,metadata.json,run.sh}`);
    return;
  }
  if (sub === 'build') {
    const { values } = parseCommandArgs(rest, {
      out: { type: 'string', default: 'data/corpus' },
      cache: { type: 'string', default: 'data/cache' },
      train: { type: 'string' }, validation: { type: 'string' }, test: { type: 'string' },
      jobs: { type: 'string' },
      'simulate-train': { type: 'string' },
      'no-source-packages': { type: 'boolean', default: false },
      'rtl-files': { type: 'string' },
      'vocab-sizes': { type: 'string', default: '2000,4000,8000,16000' },
      'max-source-tokens': { type: 'string' },
      tokenizer: { type: 'string' },
    });
    if (values.tokenizer !== undefined && !existsSync(values.tokenizer)) throw new UsageError(`--tokenizer: no such file: ${values.tokenizer}`);
    const vocabSizes = values['vocab-sizes'].split(',').map((v) => positiveInt(v, 'vocab-sizes', 0));
    if (vocabSizes.some((v) => v < 300)) throw new UsageError('--vocab-sizes: each size must be at least 300 (the byte alphabet and specials)');
    const syntax = await loadSyntaxNode();
    await buildCorpus(syntax, {
      out: values.out,
      cache: values.cache,
      perSplit: {
        train: positiveInt(values.train, 'train', DEFAULT_PER_SPLIT.train),
        validation: positiveInt(values.validation, 'validation', DEFAULT_PER_SPLIT.validation),
        test: positiveInt(values.test, 'test', DEFAULT_PER_SPLIT.test),
      },
      jobs: positiveInt(values.jobs, 'jobs', 2),
      simulateTrainEvery: Math.max(1, positiveInt(values['simulate-train'], 'simulate-train', 4)),
      sourcePackages: !values['no-source-packages'],
      rtlFiles: values['rtl-files'] === undefined ? undefined : positiveInt(values['rtl-files'], 'rtl-files', 0),
      vocabSizes,
      tokenizer: values.tokenizer,
      maxSourceTokens: Math.max(64, positiveInt(values['max-source-tokens'], 'max-source-tokens', 512)),
      log: (m) => console.error(m),
    });
    return;
  }
  if (sub === 'exemplars') {
    const { values } = parseCommandArgs(rest, { corpus: { type: 'string', default: 'data/corpus' }, out: { type: 'string' }, 'max-source-tokens': { type: 'string' } });
    if (!values.out) throw new UsageError('exemplars needs --out (a new corpus folder)');
    if (!existsSync(`${values.corpus}/raw/synthetic.jsonl`) || !existsSync(`${values.corpus}/train.jsonl`)) throw new UsageError(`--corpus: ${values.corpus} is not a built corpus (raw/synthetic.jsonl, train.jsonl)`);
    await buildExemplarCorpus({ corpus: values.corpus, out: values.out, maxSourceTokens: Math.max(64, positiveInt(values['max-source-tokens'], 'max-source-tokens', 512)), log: (m) => console.error(m) });
    return;
  }
  throw new UsageError(sub ? `unknown corpus command '${sub}'` : 'expected a corpus command');
}

export const CORPUS_USAGE = `corpus ${SUBCOMMANDS}`;
