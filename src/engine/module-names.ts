import { ID } from './spec-ports.js';
import { RESERVED } from './uses.js';

/**
 * The name the decoder may give the module (names.ts): the name the spec
 * gives it in so many words, or, where it gives none, any word of the spec
 * that is no prose.
 */

/** Spec words nothing is named: English function words and a few of the prose's nouns (ports keep `in`, `out` and single letters). */
const NOT_NAMES = new Set(`a an the of to and or in on at is it be by as if for with when that this from into its are
module verilog design write implement create make build named called name use using input inputs output outputs port ports bit bits wide
width each every one two high low clock reset when while then else has have should must will which takes gives
interface notes note parameters behaviour behavior description example timing only goes`.split(/\s+/));

const NAME = `[\`'"]?(${ID})`;
/** Most explicit first: "module `x`" would otherwise lose to "the module only ...". */
const PATTERNS = [new RegExp(`\\bmodule\\s+name\\s*:?\\s*${NAME}`, 'gi'), new RegExp(`\\b(?:named|called)\\s+${NAME}`, 'gi'),
  new RegExp(`\\bmodule\\s+\`(${ID})\``, 'gi'), new RegExp(`\\bdesign\\s+${NAME}[\`'"]?\\s+in\\s+verilog`, 'gi'),
  new RegExp(`^\\s*(${ID})\\s*:\\s*$`, 'gm'), new RegExp(`\\bmodule\\s+${NAME}`, 'gi')];

const nameable = (w: string) => w.length > 1 && !NOT_NAMES.has(w.toLowerCase()) && !RESERVED.has(w);

/**
 * Names the spec gives its module in so many words (`module cnt4`, "named
 * `acc16`", "called mux2", "Module name: sub16", "Design spark in Verilog", a
 * first line that is just `mux2:`); none where it gives none. Other ways
 * people name a module ("dec3to8: input ...") are left out on purpose: they
 * are eval/user's phrasings, and eval/user stays a measure (docs/names.md).
 */
export function namedModules(spec: string): string[] {
  for (const pattern of PATTERNS) {
    const found = [...spec.matchAll(pattern)].map((m) => m[1]!).filter(nameable);
    if (found.length) return [...new Set(found)];
  }
  return [];
}

/** The module's possible names: the given ones, else any word of the spec that is no prose. */
export function moduleWords(words: readonly string[], named: readonly string[]): string[] {
  return named.length ? [...named] : words.filter(nameable);
}
