import { join } from 'node:path';
import { readJsonl } from '../corpus/files.js';
import { buildExemplarStore, type ExemplarRow, type ExemplarStore } from './exemplars.js';

/** A corpus row (raw or annotated) as far as retrieval reads it. */
export interface CorpusRow {
  id: string;
  source: string;
  instruction: string;
  input: string;
  output: string;
  meta: Record<string, unknown>;
}

/** What the encoder reads without an exemplar (train/'s `source_text`): the instruction, then the header if any. */
export function sourceText(row: Pick<CorpusRow, 'instruction' | 'input'>): string {
  return row.input ? `${row.instruction}\n${row.input}` : row.instruction;
}

/**
 * The design a row shows: rows that share it are one design in other words,
 * layouts or headers (a synthetic family's parameters and module name; an
 * RTL module's file), so a training row never retrieves itself.
 */
export function designOf(row: Pick<CorpusRow, 'source' | 'meta'>): string {
  const m = row.meta;
  return row.source === 'synthetic' ? `${String(m.family)}|${String(m.combination)}|${String(m.module)}` : `${row.source}|${String(m.package)}|${String(m.path)}|${String(m.module)}`;
}

export function exemplarRow(row: CorpusRow): ExemplarRow {
  // An RTL row's output continues its header (the input, empty for synthetic rows): the exemplar is the whole module.
  return { id: row.id, spec: sourceText(row), code: `${row.input}${row.output}`, design: designOf(row) };
}

/** The exemplar store of a corpus folder: its train split only. */
export async function readExemplarStore(corpus: string): Promise<ExemplarStore> {
  const rows: ExemplarRow[] = [];
  for await (const row of readJsonl<CorpusRow>(join(corpus, 'train.jsonl'))) rows.push(exemplarRow(row));
  return buildExemplarStore(rows);
}
