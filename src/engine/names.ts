/**
 * Names from the spec: the module and port names a decoder declares are
 * words of the spec. A small model writes the design right and names it
 * after its training data (`module mux2to1` for a spec that asks for
 * `mux2`, port `d` where the spec says `d0`); nothing in a test bench or a
 * person's design can use such a module. At a declaration's name, the
 * decoder rules out (logit bias -inf) every token that would write a name
 * the spec does not have, and the model picks among the spec's words.
 * Where the spec declares its whole interface (spec-names.ts), the header is
 * held to it: those ports, each with its direction and width, all of them.
 *
 * Declarations are read from the text the decoder has written: `module`,
 * then the name; `input`/`output`/`inout`, then type words, a range, and one
 * or more names, up to `;`, `(`, `)`, `#`, `=` or a comment. Everything else
 * (parameters, internal signals, the body) is left to the model.
 */

import type { Direction } from './port-directions.js';
import { IDENT, type SpecNames } from './spec-names.js';
import { DIRECTIONS, TYPE_WORDS } from './spec-ports.js';
import { codeOnly, endsInComment, nameWritten, pieceShape, type PieceShape } from './uses.js';

/** Net and variable types, and signedness: a declaration has one of each at most. */
const NET_TYPES = ['wire', 'reg', 'logic'];
const SIGNS = ['signed', 'unsigned'];
/** How far back a declaration is looked for: a header line, with room to spare. */
export const TAIL = 300;

/** Where the text ends inside a declaration's names: which names, the identifier begun so far, and what came before it. */
export interface NameSlot {
  kind: 'module' | 'port';
  partial: string;
  /** True right after the keyword: a token glued to it extends the keyword, it starts no name. */
  atKeyword: boolean;
  /** Module: its name is written (only `(` or `#` may follow). Port: a range or a name is written (no type word may follow). */
  named: boolean;
  /** Port: a name must come next (after the direction, a type word, a range, `(` or a comma), not a separator. */
  expectsName: boolean;
  /** Port: right after a comma or the list's `(`, where the next declaration's direction may start. */
  afterComma: boolean;
  /** The text ends in a space (or a blank line): more whitespace would only pad, and a small model pads forever. */
  spaced: boolean;
  /** Port list (`module m (a, b, `): the names listed so far, each listed once. */
  listed: readonly string[];
  /** Port: a net or variable type (`wire`, `reg`, `logic`) is written; a second one may not be. */
  typed?: boolean;
  /** Port: `signed` or `unsigned` is written; neither may follow. */
  signs?: boolean;
  /** A non-ANSI port list (`module m (a, b, `): names only, no direction, type or range. */
  plain?: boolean;
  /** Port: the declaration's width, from its range (none written: 1 bit; a parameter's: unknown). */
  width?: number;
  /** Port: the declaration's direction (none in a non-ANSI port list). */
  direction?: Direction;
  /** Port: `reg` or `logic` is written, so an output may take an initial value (`output reg q = 0`). */
  variable?: boolean;
}

const DECLARATION = /\b(module|input|output|inout)\b/g;
const PARTIAL = /[A-Za-z_][A-Za-z0-9_$]*$/;

/** The declaration slot `text` ends in, or null where the next token writes no declared name. */
export function nameSlot(text: string): NameSlot | null {
  if (endsInComment(text)) return null;
  const tail = codeOnly(text.slice(-TAIL));
  // A keyword the text ends in may be a name begun (`wire inout` on its way to `inout_q`): the declaration is the one before it.
  const last = PARTIAL.exec(tail)?.[0] ?? '';
  let found: RegExpExecArray | null = null;
  for (const m of tail.slice(0, tail.length - last.length).matchAll(DECLARATION)) found = m as RegExpExecArray;
  const slot = found ? slotAfter(found, tail) : null;
  if (slot || !/^(?:module|input|output|inout)$/.test(last)) return slot;
  // The keyword just written: what is glued to it extends it; after a space comes a name.
  return { kind: last === 'module' ? 'module' : 'port', partial: '', atKeyword: true, named: false, expectsName: last !== 'module', afterComma: false, spaced: false, listed: [] };
}

/** The slot of the declaration that `found` (a keyword in `tail`) starts, if the tail ends inside its names. */
function slotAfter(found: RegExpExecArray, tail: string): NameSlot | null {
  let rest = tail.slice(found.index + found[0].length);
  let kind: NameSlot['kind'] = found[1] === 'module' ? 'module' : 'port';
  // `module m (a, b, c` (or `module m #(...) (`): the port list, before any direction is written.
  const list = kind === 'module' ? /^\s*[A-Za-z_][A-Za-z0-9_$]*\s*(?:#\s*\([^()]*\)\s*)?\(([^()]*)$/.exec(rest) : null;
  if (list) {
    kind = 'port';
    rest = `(${list[1]!}`;
  } else if (/[;()#=]|\/\//.test(rest)) return null;
  if (rest.lastIndexOf('[') > rest.lastIndexOf(']')) return null; // inside a range
  const names = rest.replace(/\[[^\]]*\]/g, ' [] ');
  const space = /\s*$/.exec(tail)![0];
  const spaced = /[ \t]$/.test(space) || (space.match(/\n/g) ?? []).length > 1;
  const partial = PARTIAL.exec(names)?.[0] ?? '';
  const before = names.slice(0, names.length - partial.length).match(/[A-Za-z_][A-Za-z0-9_$]*|\[\]|[,(]/g) ?? [];
  if (kind === 'module') {
    if (before.length > 1) return null;
    return { kind, partial, atKeyword: rest.length === 0, named: before.length === 1, expectsName: false, afterComma: false, spaced, listed: [] };
  }
  const previous = before[before.length - 1];
  const named = !list && before.some((w) => w === '[]' || (/^[A-Za-z_]/.test(w) && !TYPE_WORDS.includes(w)));
  const expectsName = previous === undefined || previous === ',' || previous === '(' || previous === '[]' || TYPE_WORDS.includes(previous);
  const listed = list ? before.filter((w) => /^[A-Za-z_]/.test(w) && !TYPE_WORDS.includes(w)) : [];
  const typed = before.some((w) => NET_TYPES.includes(w));
  const variable = before.some((w) => w === 'reg' || w === 'logic');
  const signs = before.some((w) => SIGNS.includes(w));
  const plain = list !== null && listed.length > 0;
  const width = list ? undefined : rangeWidth(rest);
  const direction = list ? undefined : found[1] as Direction;
  return { kind, partial, atKeyword: rest.length === 0, named, expectsName, afterComma: previous === ',' || previous === '(', spaced, listed,
    ...(typed ? { typed } : {}), ...(signs ? { signs } : {}), ...(plain ? { plain } : {}), ...(width !== undefined ? { width } : {}), ...(direction ? { direction } : {}), ...(variable ? { variable } : {}) };
}

/** The width of the declaration `rest` (its text after the direction): its range's, 1 with none, unknown for a parameter's. */
function rangeWidth(rest: string): number | undefined {
  const range = /\[([^\]]*)\]/.exec(rest);
  if (!range) return 1;
  const bounds = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(range[1]!);
  return bounds ? Math.abs(Number(bounds[1]) - Number(bounds[2])) + 1 : undefined;
}

/** Whether port `name` may be declared with the slot's width and direction: the spec gives it the same, or none. */
function fitsSpec(slot: NameSlot, name: string, names: SpecNames): boolean {
  if (slot.kind !== 'port') return true;
  const width = names.widths.get(name);
  const direction = names.directions.get(name);
  return (slot.width === undefined || width === undefined || width === slot.width) && (slot.direction === undefined || direction === undefined || direction === slot.direction);
}

/** Required ports (the spec's interface) the header has not declared: `declared`, the slot's list, and `also` aside. */
function undeclared(slot: NameSlot, names: SpecNames, declared: ReadonlySet<string>, also = ''): string[] {
  return names.required.filter((w) => w !== also && !declared.has(w) && !slot.listed.includes(w));
}

/**
 * Whether `after` (the text after a complete port name, or a token with no name) keeps the header to the
 * spec's interface: it closes the port list only once every required port is declared, and lists no
 * further port once they all are (nor an initial value while some are still to come: a comment may
 * stand there, harmless); a new declaration's direction is one a required port still needs.
 */
function keepsInterface(slot: NameSlot, names: SpecNames, declared: ReadonlySet<string>, after: string, name = ''): boolean {
  if (slot.kind !== 'port' || names.required.length === 0) return true;
  const open = undeclared(slot, names, declared, name);
  const next = after.trimStart();
  if (next.startsWith(')')) return open.length === 0;
  if (next.startsWith(',')) return open.length > 0;
  // No initial value while ports are still to come: a model kept from closing writes `== 7'd0` there.
  if (next.startsWith('=')) return open.length === 0;
  return true;
}

/** Whether a new declaration with `direction` declares a required port still to come (always, where the spec gives no interface). */
function directionNeeded(slot: NameSlot, names: SpecNames, declared: ReadonlySet<string>, direction: string): boolean {
  return names.required.length === 0 || undeclared(slot, names, declared).some((w) => names.directions.get(w) === direction);
}

/** What may follow a complete name: the module's header goes on; a port's declaration ends or lists the next. */
function endsWell(slot: NameSlot, after: string): boolean {
  // No `[` after a port's name: an unpacked port array is SystemVerilog, and a model there writes `odd_sel[15:0] Core_i`.
  if (slot.kind === 'module') return /^\s*(?:\((?!\*)|#|$)/.test(after);
  return /^\s*(?:[,;)]|\/\/|$)/.test(after) || (/^\s*=/.test(after) && initializable(slot));
}

/**
 * Whether a port's name may take an initial value: an output variable's (`output reg q = 0`); an
 * input's, a net's or a port list's name never (iverilog: "Incomplete port declarations cannot be
 * initialized", or a syntax error).
 */
function initializable(slot: NameSlot): boolean {
  return slot.direction === 'output' && slot.variable === true;
}

/** Whether a token that starts with no name (`start`: its text after any whitespace) fits the slot. */
function fitsBeforeName(slot: NameSlot, start: string): boolean {
  if (start === '') return !slot.spaced;
  if (slot.kind === 'module') return slot.named && /^(?:\((?!\*)|#)/.test(start); // `(*` would start an attribute
  if (start[0] === '[') return !slot.named && slot.plain !== true; // a name-only port list has no ranges
  return !slot.expectsName && (/^(?:[,;)]|\/\/)/.test(start) || (start[0] === '=' && initializable(slot)));
}

/** Port names the text has declared (complete ones): a port is declared once. */
export function declaredPorts(source: string): Set<string> {
  const text = codeOnly(source);
  const declared = new Set<string>();
  for (const m of text.matchAll(/\b(?:input|output|inout)\b([^;()#=]*)/g)) {
    const names = m[1]!.replace(/\[[^\]]*\]?/g, ' ');
    const atEnd = m.index + m[0].length === text.length;
    const ids = names.match(IDENT) ?? [];
    if (atEnd && /[A-Za-z0-9_$]$/.test(names)) ids.pop(); // still being written
    for (const id of ids) if (!TYPE_WORDS.includes(id)) declared.add(id);
  }
  return declared;
}

/** Whether writing `piece` at `slot` keeps every declared name one of the spec's (or on its way to one), well ended. */
export function allows(slot: NameSlot, piece: string | PieceShape, names: SpecNames, declared: ReadonlySet<string> = new Set()): boolean {
  const shape = typeof piece === 'string' ? pieceShape(piece) : piece;
  if (shape.piece === '') return false; // no end of output (or other special token) in the middle of a declaration
  // Glued to the keyword: `input` may be the start of a name in the body (`input_q`); `module` at the top never is.
  if (!slot.partial && slot.atKeyword && shape.lead) return slot.kind !== 'module';
  const written = nameWritten(slot.partial, shape);
  if (!written) return fitsBeforeName(slot, shape.start) && keepsInterface(slot, names, declared, shape.piece);
  if (!slot.partial && slot.kind === 'module' && slot.named) return false; // one name
  if (!slot.partial && slot.kind === 'port' && !slot.expectsName) return false; // no name right after a name: a `,` first
  const { name, after } = written;
  const set = slot.kind === 'module' ? names.module : slot.afterComma ? names.portAfterComma : slot.named ? names.portName : names.port;
  const taken = (w: string) => declared.has(w) || slot.listed.includes(w) || (slot.typed === true && NET_TYPES.includes(w))
    || (slot.signs === true && SIGNS.includes(w)) || (slot.plain === true && TYPE_WORDS.includes(w)) || !fitsSpec(slot, w, names)
    || (DIRECTIONS.includes(w) && !directionNeeded(slot, names, declared, w));
  if (after !== '') {
    if (!set.words.has(name) || taken(name)) return false;
    if (!TYPE_WORDS.includes(name)) return endsWell(slot, after) && keepsInterface(slot, names, declared, after, name);
    // A type word (` wire`, ` reg`): what follows it in the same token is checked as the declaration goes on.
    if (!/^[\s[]/.test(after)) return false;
    // After a direction a new declaration starts; after `wire` or `reg` the same one goes on.
    const fresh = DIRECTIONS.includes(name) ? { named: false, listed: [], width: 1, direction: name as Direction } : {};
    // A direction starts a new declaration, untyped; `wire`, `reg`, `logic` type it.
    const typed = (slot.typed === true && !DIRECTIONS.includes(name)) || NET_TYPES.includes(name);
    const signs = (slot.signs === true && !DIRECTIONS.includes(name)) || SIGNS.includes(name);
    return allows({ ...slot, ...fresh, typed, signs, partial: '', atKeyword: false, spaced: false, afterComma: false, expectsName: true }, after === shape.piece ? shape : pieceShape(after), names, declared);
  }
  if (!set.prefixes.has(name)) return false;
  if (declared.size === 0 && slot.listed.length === 0 && !slot.typed && !slot.signs && slot.width === undefined) return true;
  for (const w of set.words) if (w.startsWith(name) && !taken(w)) return true;
  return false;
}

/** Token ids by the identifier they continue (`lead`) or start (`startLead`): a row checks only the tokens that could pass. */
export class PieceIndex {
  readonly byLead = new Map<string, number[]>();
  readonly byStartLead = new Map<string, number[]>();
  /** Tokens that continue no name (they end one begun), and tokens that start none. */
  readonly noLead: number[] = [];
  readonly noStart: number[] = [];
  /** Memos: of `noLead`, those that end a complete name well, by slot kind; of `noStart`, those that fit, by slot shape. */
  readonly endingWell = new Map<string, number[]>();
  readonly fittingBefore = new Map<string, number[]>();

  constructor(readonly shapes: readonly PieceShape[]) {
    shapes.forEach((shape, id) => {
      if (shape.lead) push(this.byLead, shape.lead, id);
      else this.noLead.push(id);
      if (shape.startLead !== null) push(this.byStartLead, shape.startLead, id);
      else this.noStart.push(id);
    });
  }
}

function memo(map: Map<string, number[]>, key: string, make: () => number[]): number[] {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = make()));
  return ids;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/**
 * Logit-bias rows for the vocabulary at `slot`: 0 for allowed tokens, -inf
 * for the rest; null where no token is allowed (the model then writes freely
 * rather than get stuck). Only tokens that could pass are checked (`allows`):
 * those that end the name begun, start no name, or continue or start one of
 * the allowed names.
 */
export function slotBias(slot: NameSlot, names: SpecNames, pieces: PieceIndex | readonly string[], declared: ReadonlySet<string> = new Set()): Float32Array | null {
  const index = pieces instanceof PieceIndex ? pieces : new PieceIndex(pieces.map(pieceShape));
  const { shapes } = index;
  const row = new Float32Array(shapes.length).fill(-Infinity);
  let allowed = 0;
  const mark = (id: number) => {
    if (row[id] === 0) return;
    row[id] = 0;
    allowed++;
  };
  const check = (id: number) => {
    if (row[id] !== 0 && allows(slot, shapes[id]!, names, declared)) mark(id);
  };
  const set = slot.kind === 'module' ? names.module : slot.afterComma ? names.portAfterComma : slot.named ? names.portName : names.port;
  if (slot.partial) {
    const complete = set.words.has(slot.partial) && !declared.has(slot.partial) && !slot.listed.includes(slot.partial) && !(slot.typed && NET_TYPES.includes(slot.partial))
      && !(slot.signs && SIGNS.includes(slot.partial)) && !(slot.plain && TYPE_WORDS.includes(slot.partial)) && fitsSpec(slot, slot.partial, names)
      && (!DIRECTIONS.includes(slot.partial) || directionNeeded(slot, names, declared, slot.partial));
    if (complete && TYPE_WORDS.includes(slot.partial)) {
      // A type word just written: a token that ends it goes on as the declaration's next slot would (as `allows` does).
      const fresh = DIRECTIONS.includes(slot.partial) ? { named: false, listed: [], width: 1, direction: slot.partial as Direction } : {};
      const typed = (slot.typed === true && !DIRECTIONS.includes(slot.partial)) || NET_TYPES.includes(slot.partial);
      const signs = (slot.signs === true && !DIRECTIONS.includes(slot.partial)) || SIGNS.includes(slot.partial);
      const next = slotBias({ ...slot, ...fresh, typed, signs, partial: '', atKeyword: false, spaced: false, afterComma: false, expectsName: true }, names, index, declared);
      for (const id of index.noLead) if (next?.[id] === 0 && /^[\s[]/.test(shapes[id]!.piece)) mark(id);
    }
    else if (complete) {
      memo(index.endingWell, `${slot.kind}${initializable(slot) ? '=' : ''}`, () => index.noLead.filter((id) => shapes[id]!.piece !== '' && endsWell(slot, shapes[id]!.piece)))
        .forEach((id) => keepsInterface(slot, names, declared, shapes[id]!.piece, slot.partial) && mark(id));
    }
    for (const prefix of set.prefixes) {
      if (prefix.length > slot.partial.length && prefix.startsWith(slot.partial)) index.byLead.get(prefix.slice(slot.partial.length))?.forEach(check);
    }
  } else {
    const shapeKey = `${slot.kind}|${slot.named}|${slot.expectsName}|${slot.spaced}|${slot.plain === true}`;
    if (slot.atKeyword) index.noStart.forEach(check);
    else {
      memo(index.fittingBefore, shapeKey, () => index.noStart.filter((id) => shapes[id]!.piece !== '' && fitsBeforeName(slot, shapes[id]!.start)))
        .forEach((id) => keepsInterface(slot, names, declared, shapes[id]!.piece) && mark(id));
    }
    if (slot.atKeyword) for (const ids of index.byLead.values()) ids.forEach(check);
    for (const prefix of set.prefixes) index.byStartLead.get(prefix)?.forEach(check);
  }
  return allowed > 0 ? row : null;
}
