import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { designOf, readExemplarStore, sourceText, type CorpusRow } from '../retrieval/corpus-rows.js';
import { nearestExemplar, withExemplar, type ExemplarStore } from '../retrieval/exemplars.js';
import { readJsonl, runTrainModule, writeJsonl } from './files.js';

export interface ExemplarCorpusOptions {
  /** A built corpus (raw/, tokenizer.json, train.jsonl: the store). */
  corpus: string;
  out: string;
  maxSourceTokens?: number;
  log: (m: string) => void;
}

/** Rows of a raw file, each with its nearest train exemplar after the instruction (never its own design). */
async function withExemplars(path: string, store: ExemplarStore, counts: { rows: number; without: number }): Promise<CorpusRow[]> {
  const out: CorpusRow[] = [];
  for await (const row of readJsonl<CorpusRow>(path)) {
    counts.rows++;
    const found = nearestExemplar(store, sourceText(row), designOf(row));
    if (!found) counts.without++;
    out.push(found ? { ...row, instruction: withExemplar(row.instruction, found.row.code), meta: { ...row.meta, exemplar: found.row.id } } : row);
  }
  return out;
}

/**
 * The corpus for retrieve-and-edit: the same raw rows and splits, each
 * instruction followed by the most similar train design's code (the store
 * is the source corpus's train split), tokenized with the source corpus's
 * tokenizer (a model continues training with its vocabulary).
 */
export async function buildExemplarCorpus(options: ExemplarCorpusOptions): Promise<void> {
  const corpus = resolve(options.corpus);
  const out = resolve(options.out);
  const started = Date.now();
  const store = await readExemplarStore(corpus);
  options.log(`exemplars: a store of ${store.rows.length} train rows from ${corpus}`);
  await mkdir(join(out, 'raw'), { recursive: true });
  const counts = { rows: 0, without: 0 };
  for (const file of ['synthetic.jsonl', 'rtl.jsonl']) {
    await writeJsonl(join(out, 'raw', file), await withExemplars(join(corpus, 'raw', file), store, counts));
    options.log(`exemplars: ${file} done (${counts.rows} rows so far, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await copyFile(join(corpus, 'raw', 'stats.json'), join(out, 'raw', 'stats.json'));
  options.log(`exemplars: ${counts.rows - counts.without} of ${counts.rows} rows have an exemplar`);
  await runTrainModule('corpus', ['--raw', join(out, 'raw'), '--out', out, '--tokenizer', join(corpus, 'tokenizer.json'),
    '--max-source-tokens', String(options.maxSourceTokens ?? 512)]);
}
