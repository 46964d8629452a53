/**
 * Loops: a small model that has lost its way repeats itself (`+ in + in +
 * in ...`, the same line again and again) until the token limit, and the
 * output is lost. Code repeats itself too, but not four times over forty
 * characters and more: a token that would make the output end in a unit
 * repeated that often is ruled out, and the model must write something else
 * (often the `;` or `endmodule` it owed). Blank space is held to two
 * blank lines in a row: a model with nothing it may write pads forever.
 */

/** Repeats of one unit, and characters, at which the output is a loop. */
export const LOOP_REPEATS = 4;
export const LOOP_CHARS = 40;
/** The longest unit looked for: a line of code. */
const MAX_UNIT = 80;
/** How much of the text's end a loop is looked for in. */
export const LOOP_TAIL = LOOP_REPEATS * MAX_UNIT + 80;

/** Per unit length p (1..MAX_UNIT), how many characters at the end of `text` repeat the p before them. */
function periodicTail(text: string): Int32Array {
  const runs = new Int32Array(MAX_UNIT + 1);
  const n = text.length;
  for (let p = 1; p <= MAX_UNIT && p < n; p++) {
    let k = 0;
    // Past LOOP_REPEATS units of the longest length, a longer run changes nothing.
    while (k < n - p && k < LOOP_REPEATS * MAX_UNIT && text.charCodeAt(n - 1 - k) === text.charCodeAt(n - 1 - k - p)) k++;
    runs[p] = k;
  }
  return runs;
}

/** Whether a name has run away: past 48 characters, or ending in one unit of 2 to 10 characters three times over. */
export function runsAway(name: string): boolean {
  return name.length > 48 || /([A-Za-z0-9_$]{2,10})\1\1$/.test(name);
}

/** Per vocabulary, what each token adds to a name it goes on (`''` where it ends it), and the tokens that make a name run away, by name. */
const runaways = new WeakMap<readonly string[], { more: string[]; byName: Map<string, number[]> }>();

/** The tokens that would make `name` run away; names recur from node to node and step to step, so each is looked at once. */
function runawayTokens(name: string, pieces: readonly string[]): number[] {
  let found = runaways.get(pieces);
  if (!found) runaways.set(pieces, (found = { more: pieces.map((p) => /^[A-Za-z0-9_$]*/.exec(p)![0]), byName: new Map() }));
  let ids = found.byName.get(name);
  if (!ids) {
    if (found.byName.size >= 5000) found.byName.clear();
    ids = [];
    for (let id = 0; id < found.more.length; id++) if (found.more[id] && runsAway(name + found.more[id])) ids.push(id);
    found.byName.set(name, ids);
  }
  return ids;
}

/** Per vocabulary, the longest token, and the tokens that are blank space alone. */
const blanks = new WeakMap<readonly string[], number[]>();

const longests = new WeakMap<readonly string[], number>();

function longestPiece(pieces: readonly string[]): number {
  let longest = longests.get(pieces);
  if (longest === undefined) longests.set(pieces, (longest = pieces.reduce((m, p) => Math.max(m, p.length), 0)));
  return longest;
}

function blankPieces(pieces: readonly string[]): number[] {
  let ids = blanks.get(pieces);
  if (!ids) blanks.set(pieces, (ids = pieces.flatMap((p, id) => (/^\s+$/.test(p) ? [id] : []))));
  return ids;
}

/**
 * The tokens (by id, in `pieces`) that would make `text` end in a loop, or null where none would.
 * A token continues a unit of length p when its text is what the unit writes next.
 */
export function loopTokens(text: string, pieces: readonly string[]): number[] | null {
  const runs = periodicTail(text);
  const longest = longestPiece(pieces);
  const blocked = new Set<number>();
  for (let p = 1; p <= MAX_UNIT; p++) {
    const span = runs[p]! + p; // the periodic tail's length
    const needed = Math.max(LOOP_REPEATS * p, LOOP_CHARS);
    if (span + longest < needed || runs[p]! < p) continue; // no token could reach it; not one full repeat yet
    // What the unit writes next, for as long as a token could be.
    let next = '';
    for (let i = 0; i < longest; i++) next += text[text.length - p + (i % p)]!;
    pieces.forEach((piece, id) => {
      if (piece !== '' && next.startsWith(piece) && span + piece.length >= needed) blocked.add(id);
    });
  }
  // A name that runs away (`tick_iron_iron_iron`, `HopHopHop`): no unit three times over, no name past 48 characters.
  const name = /(?:^|[^A-Za-z0-9_$'`\\])([A-Za-z_][A-Za-z0-9_$]*)$/.exec(text)?.[1];
  if (name) for (const id of runawayTokens(name, pieces)) blocked.add(id);
  // Blank space: at most two blank lines in a row, and no line of more than 32 spaces' indent.
  let start = text.length;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  const blank = text.slice(start);
  if (blank !== '') {
    const lines = blank.split('\n').length - 1;
    const indent = blank.length - blank.lastIndexOf('\n') - 1;
    for (const id of blankPieces(pieces)) {
      const piece = pieces[id]!;
      if (piece.includes('\n') ? lines >= 3 : indent + piece.length > 32) blocked.add(id);
    }
  }
  return blocked.size ? [...blocked] : null;
}
