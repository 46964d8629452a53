/** The shapes of a spec's words that the readers of its ports and names share. */

export const ID = '[A-Za-z_][A-Za-z0-9_$]*';

/** Short words of a spec's prose that are no port's name where the spec lists its ports. */
const PROSE_SHORT = new Set('in out and or not the of to is on at by an as if be it its are for one two bit bits data with when then else each that this from into high low all any both only same also up down port'.split(' '));

/**
 * Whether a word of the spec looks like an identifier rather than prose: a digit, an underscore or
 * an inner capital (`d0`, `rd_en`, `blipRock`), or short and no prose word (`cin`, `we`, `q`).
 */
export function identifierLike(word: string): boolean {
  return /[0-9_$]/.test(word) || /[a-z][A-Z]/.test(word) || (word.length <= 4 && !PROSE_SHORT.has(word.toLowerCase()));
}
