/**
 * Retrieve-and-edit: the encoder reads the spec followed by the Verilog of
 * the most similar training design. One ranking (BM25 over the spec's
 * words) for the corpus build, the CLI and the worker; the store holds the
 * train split only. No DOM, no file system: callers bring the rows.
 */

export interface ExemplarRow {
  id: string;
  spec: string;
  code: string;
  /** Rows of one design (phrasings, layouts) share it: a row never retrieves its own design. */
  design: string;
}

export interface ExemplarStore {
  rows: ExemplarRow[];
  /** word -> [row index, count of the word in that row's spec] */
  postings: Map<string, [number, number][]>;
  lengths: Float64Array;
  averageLength: number;
  /** Words in more than this many rows are not ranked by (stop words: they carry almost no weight and cost the most). */
  maxRows: number;
  /** Scores of one query, reused (all zero between queries). */
  scratch: Float64Array;
}

export interface Exemplar {
  row: ExemplarRow;
  score: number;
}

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Exemplar code kept, cut at a line end: a spec and its exemplar fit the encoder's 512 tokens. */
export const MAX_EXEMPLAR_CHARS = 1000;
const SEPARATOR = '\n\nA similar module:\n';
/** Share of rows above which a word is a stop word (in a store of more than a few hundred rows). */
const STOP_WORD_SHARE = 0.05;
const STOP_WORD_MIN_ROWS = 20;

/** The words a spec is ranked by: identifiers and numbers, lower-cased. */
export function specWords(spec: string): string[] {
  return spec.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
}

function counts(words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

export function buildExemplarStore(rows: readonly ExemplarRow[]): ExemplarStore {
  const postings = new Map<string, [number, number][]>();
  const lengths = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    const words = specWords(row.spec);
    lengths[index] = words.length;
    for (const [word, n] of counts(words)) {
      const list = postings.get(word);
      if (list) list.push([index, n]);
      else postings.set(word, [[index, n]]);
    }
  });
  const averageLength = rows.length ? lengths.reduce((a, b) => a + b, 0) / rows.length : 0;
  const maxRows = Math.max(STOP_WORD_MIN_ROWS, Math.floor(rows.length * STOP_WORD_SHARE));
  return { rows: [...rows], postings, lengths, averageLength, maxRows, scratch: new Float64Array(rows.length) };
}

/**
 * The best-scoring row for `spec` (ties: the earlier row), skipping rows of
 * the design `exclude` names; null when no row shares a word with the spec.
 */
export function nearestExemplar(store: ExemplarStore, spec: string, exclude?: string): Exemplar | null {
  const { rows, scratch } = store;
  const touched: number[] = [];
  for (const [word, qf] of counts(specWords(spec))) {
    const list = store.postings.get(word);
    if (!list || list.length > store.maxRows) continue;
    const idf = Math.log(1 + (rows.length - list.length + 0.5) / (list.length + 0.5));
    for (const [index, tf] of list) {
      if (scratch[index] === 0) touched.push(index);
      scratch[index]! += qf * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * store.lengths[index]! / store.averageLength));
    }
  }
  let best = -1;
  let bestScore = -Infinity;
  for (const index of touched) {
    const score = scratch[index]!;
    scratch[index] = 0;
    if (exclude !== undefined && rows[index]!.design === exclude) continue;
    if (score > bestScore || (score === bestScore && index < best)) [best, bestScore] = [index, score];
  }
  return best < 0 ? null : { row: rows[best]!, score: bestScore };
}

/** The exemplar's code, cut at the last line end within `maxChars`. */
export function trimExemplar(code: string, maxChars = MAX_EXEMPLAR_CHARS): string {
  if (code.length <= maxChars) return code;
  const cut = code.lastIndexOf('\n', maxChars);
  return code.slice(0, cut > 0 ? cut + 1 : maxChars);
}

/** What the encoder reads: the spec, then the exemplar's (trimmed) code. */
export function withExemplar(spec: string, code: string, maxChars = MAX_EXEMPLAR_CHARS): string {
  return `${spec}${SEPARATOR}${trimExemplar(code, maxChars)}`;
}

/**
 * `withExemplar`, with the exemplar cut shorter (a fifth at a time, at line ends) until
 * `fits` accepts the whole input; the spec alone when no part of the exemplar fits.
 * The corpus keeps only rows within the model's source length, so a model never saw
 * an exemplar cut mid-spec; a long spec must not fail because of its exemplar.
 */
export function fittedExemplarInput(spec: string, code: string, fits: (input: string) => boolean): string {
  for (let chars = MAX_EXEMPLAR_CHARS; chars >= 100; chars = Math.floor(chars * 0.8)) {
    const input = withExemplar(spec, code, chars);
    if (fits(input)) return input;
  }
  return spec;
}
