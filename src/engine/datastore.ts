/**
 * Drafting from retrieved code (REST, He et al., 2024), in its simplest
 * form: a datastore of training code maps the last `ngram` tokens to the
 * continuations that followed them there; the draft is the path most of
 * those continuations agree on. It joins the tree as the looked-up branch
 * (lookup.ts) and is verified like any node, so outputs do not change;
 * only tokens a step can. Built from the train split only.
 */

export interface Datastore {
  /** Tokens of context a key holds. */
  ngram: number;
  /** Tokens kept after each occurrence. */
  length: number;
  /** Key (the n-gram, packed) -> up to `perKey` continuations, the first seen. */
  continuations: Map<number, number[][]>;
  /** Token occurrences read when building (for reports). */
  tokens: number;
}

export interface DatastoreOptions {
  ngram?: number;
  length?: number;
  /** Continuations kept per key: enough to vote, few enough to stay small. */
  perKey?: number;
}

export const DATASTORE_DEFAULTS: Required<DatastoreOptions> = { ngram: 3, length: 8, perKey: 8 };

/** The n-gram as one number (token ids are below 2^16; three of them fit a double exactly). */
function keyOf(tokens: readonly number[], end: number, n: number): number {
  let key = 0;
  for (let i = end - n; i < end; i++) key = key * 65536 + tokens[i]!;
  return key;
}

/** A datastore over token sequences (the train split's code, tokenized as the model writes it). */
export function buildDatastore(sequences: Iterable<readonly number[]>, options: DatastoreOptions = {}): Datastore {
  const { ngram, length, perKey } = { ...DATASTORE_DEFAULTS, ...options };
  if (ngram < 1 || ngram > 3) throw new RangeError('datastore n-grams are 1 to 3 tokens');
  const continuations = new Map<number, number[][]>();
  let tokens = 0;
  for (const seq of sequences) {
    tokens += seq.length;
    for (let end = ngram; end < seq.length; end++) {
      const key = keyOf(seq, end, ngram);
      const kept = continuations.get(key);
      if (!kept) continuations.set(key, [seq.slice(end, end + length)]);
      else if (kept.length < perKey) kept.push(seq.slice(end, end + length));
    }
  }
  return { ngram, length, continuations, tokens };
}

/**
 * The draft for what follows `context`: from the stored continuations of its
 * last n-gram, at each depth the token most of the still-agreeing ones have
 * (ties: the first seen), while at least two agree (one is a guess).
 */
export function draftFromStore(store: Datastore, context: readonly number[], maxTokens: number): number[] {
  if (context.length < store.ngram || maxTokens <= 0) return [];
  let agreeing = store.continuations.get(keyOf(context, context.length, store.ngram));
  if (!agreeing) return [];
  const draft: number[] = [];
  for (let depth = 0; depth < Math.min(maxTokens, store.length); depth++) {
    const votes = new Map<number, number>();
    for (const c of agreeing) if (depth < c.length) votes.set(c[depth]!, (votes.get(c[depth]!) ?? 0) + 1);
    let best = -1;
    let count = 0;
    for (const [token, n] of votes) if (n > count) [best, count] = [token, n];
    if (count < 2) break;
    draft.push(best);
    agreeing = agreeing.filter((c) => c[depth] === best);
  }
  return draft;
}
