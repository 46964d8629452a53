import { codeShapedWords, moduleWords, namedModules } from './module-names.js';
import { portDirections, readDirections, type Direction } from './port-directions.js';
import { specHeader, type SpecHeader } from './spec-header.js';
import { DIRECTIONS, identifierLike, listedPorts, portWidths, TYPE_WORDS } from './spec-ports.js';
import { nameSet, RESERVED, SV_RESERVED, type NameSet } from './uses.js';

/**
 * What a spec allows the decoder to declare (names.ts holds the decoder to
 * it): port and module names from the spec's words, the widths and
 * directions it gives its ports, and, where it declares them all, its
 * interface.
 */

/** English function words of the specs' prose: never a port's name. */
const PROSE = new Set('an the of to is it be by as with when that this from into its are at on only then else each every'.split(' '));
export const IDENT = /[A-Za-z_][A-Za-z0-9_$]*/g;

export interface SpecNames {
  /** Names a port may have (and the type words), and every prefix of them. */
  port: NameSet;
  /** Once a range or a name is written: no type words. */
  portName: NameSet;
  /** After a comma: a name, or the next declaration's direction. */
  portAfterComma: NameSet;
  /** Names the module may have, and every prefix of them. */
  module: NameSet;
  /** The names the spec gives its module, in so many words or in passing (module-names.ts); none where the model picks among its words. */
  moduleNames: readonly string[];
  /** The widths the spec gives its ports (spec-ports.ts): a port is declared with its own. */
  widths: ReadonlyMap<string, number>;
  /** The names the spec marks as ports. */
  listed: readonly string[];
  /** The directions the spec declares its ports with (port-directions.ts): a port is declared with its own. */
  directions: ReadonlyMap<string, Direction>;
  /**
   * Where the spec declares two or more ports, each with a direction and a width, the ports a header
   * must declare before it closes, and the only names it may declare; none otherwise.
   */
  required: readonly string[];
}

/** A spec as the decoder reads it, for the page: the module's given name, the ports with what the spec gives them. */
export interface SpecReading {
  /** The names the spec gives its module, in so many words or in passing (`add4` in "full adder add4 with ..."); none where the model picks among its words. */
  module: string[];
  /** The ports the spec gives a direction or a width, in its order. */
  ports: { name: string; direction?: Direction; width?: number }[];
  /** Whether the header is held to these ports (every one with a direction and a width). */
  held: boolean;
}

/** The names a spec allows: its identifier-shaped words; for the module, the name it gives, if it gives one. */
export function specNames(spec: string): SpecNames {
  // Reserved words and the prose's function words name nothing (a port named `of` or `or` is a model lost).
  const words = [...new Set(spec.match(IDENT) ?? [])].filter((w) => !RESERVED.has(w) && !SV_RESERVED.has(w) && !PROSE.has(w.toLowerCase()));
  const named = namedModules(spec);
  const header = pastedHeader(spec, named);
  const listed = header ? header.ports.map((p) => p.name) : listedPorts(spec).filter((w) => words.includes(w));
  const strict = interfaceRead(spec, words, header, false);
  const loose = interfaceRead(spec, words, header, true);
  const given = named.length ? named : codeShapedWords(spec, new Set([...listed, ...loose.directions.keys(), ...loose.widths.keys()])).filter((w) => words.includes(w));
  // Held only to an interface read whole (`whole`): with every port's width, where the spec declares its ports in so many
  // words; from loose shapes ("clk in, ack out"), only where no word of the spec looks like a port they leave out.
  const strictHeld = whole(strict) && strict.required.every((w) => strict.widths.has(w)) && !portLeftOut(spec, strict.required, given, false);
  const complete = strictHeld || (whole(loose) && listed.filter(identifierLike).every((w) => loose.directions.has(w)) && !portLeftOut(spec, loose.required, given, true));
  const { directions, required, widths: read } = strictHeld ? strict : loose;
  const widths = complete ? withOneBit(spec, required, read) : loose.widths;
  const ports = complete ? required : portWords(listed, words, given);
  return {
    port: nameSet([...ports, ...TYPE_WORDS.filter((w) => !DIRECTIONS.includes(w))]),
    portName: nameSet(ports),
    portAfterComma: nameSet([...ports, ...DIRECTIONS]),
    module: nameSet(moduleWords(words, given)),
    moduleNames: given,
    widths,
    listed: complete ? required : listed,
    // Directions only where the header is held: read elsewhere, a direction could shut out the name a port needs.
    directions: complete ? directions : new Map(),
    required: complete ? required : [],
  };
}

const CLOCK_OR_RESET = /^(?:clk|rst|arst|srst|areset|sreset|resetn|rstn|nrst)|_(?:clk|rst|rst_?n)$/i;
/** Code-shaped words of a spec that name no port: tools and parts ("SystemVerilog", "iCE40"). */
const NOT_PORTS = /^(?:SystemVerilog|iCE\d+|ECP\d+|LUT\d*)$/;

/** Words after "input" or "output" ("on input in") and before "is a ... output" ("match is a Mealy output"). */
function mentionedPorts(spec: string): string[] {
  const after = [...spec.matchAll(/\b(?:input|output)s?[ \t]+([A-Za-z_][\w$]*)/gi)].map((m) => m[1]!);
  const before = [...spec.matchAll(/\b([A-Za-z_][\w$]*)[ \t]+(?:is|are)[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:input|output)\b/gi)].map((m) => m[1]!);
  return [...after, ...before].filter((w) => !MENTION_PROSE.has(w.toLowerCase()) && !TYPE_WORDS.includes(w.toLowerCase()));
}

/** Words after "input" or "output" that name no port. */
const MENTION_PROSE = new Set(('a an the its is are was be and or of to in on at by for from with when while if that this these those it '
  + 'bit bits signal signals port ports value values data word bus pin pins goes stays changes must should will can has have '
  + 'which where so but not no one two each every all both any only also then than as into per width').split(' '));

/**
 * Whether the spec seems to have a port its lists leave out (`clk, rst_n (async), input kick, output bark`): a clock- or
 * reset-shaped word or a code-shaped one (a digit, an underscore, an inner capital) not among `required`; where the
 * ports' widths are not all read (`loose`), also a clocked design with no clock among them, or a reset with no reset.
 */
function portLeftOut(spec: string, required: readonly string[], module: readonly string[], loose: boolean): boolean {
  // Words that stand alone: not the `x8` of "16x8" or the `b0` of "2'b0".
  const words = [...spec.matchAll(/(?<![\w'$.])[A-Za-z_][\w$]*/g)].map((m) => m[0]);
  const left = words.filter((w) => !required.includes(w) && !module.includes(w) && !RESERVED.has(w) && !NOT_PORTS.test(w) && !/^[A-Z0-9_]+$/.test(w));
  if (left.some((w) => CLOCK_OR_RESET.test(w) || /[0-9_$]/.test(w) || /[a-z][A-Z]/.test(w))) return true;
  if (!loose) return false;
  if (mentionedPorts(spec).some((w) => !required.includes(w) && !module.includes(w))) return true;
  if (/\b(?:clock|clk|rising|falling|posedge|negedge)\b/i.test(spec) && !required.some((w) => /cl(?:oc)?k/i.test(w))) return true;
  const reset = /\breset\b/i.test(spec) && !/\b(?:no|without(?: an?)?) reset\b/i.test(spec);
  return reset && !required.some((w) => /rst|reset|clr|clear/i.test(w));
}

/**
 * A held interface's widths, a port the spec gives none 1 bit ("inputs clk, rst_n, kick"): where every multi-bit width
 * the spec writes ("8-bit", "16 bits") is one it gives a port, an unwritten one is a single bit. Otherwise ("a 16-bit mux
 * with inputs a, b, s") the model writes the widths the spec gives no port.
 */
function withOneBit(spec: string, required: readonly string[], widths: Map<string, number> & { conflicting: Set<string> }): Map<string, number> {
  const given = new Set(widths.values());
  const written = [...spec.matchAll(/\b(\d+)[- ]?bits?\b/gi)].map((m) => Number(m[1])).filter((w) => w >= 2);
  // A parameter's range (`[WIDTH-1:0]`) is a width the reading does not know.
  if (!written.every((w) => given.has(w)) || /\[[^\]\n]*[A-Za-z_][^\]\n]*\]/.test(spec)) return widths;
  // A port given two widths keeps none: the spec gives it one, the reading could not tell which.
  return new Map([...widths, ...required.filter((w) => !widths.has(w) && !widths.conflicting.has(w)).map((w): [string, number] => [w, 1])]);
}

interface InterfaceRead {
  widths: Map<string, number> & { conflicting: Set<string> };
  directions: Map<string, Direction>;
  conflicting: Set<string>;
  /** The ports with a direction, in the order found. */
  required: string[];
}

/** The ports' widths and directions as the spec gives them (`loose`: in loose shapes too), or its pasted header's. */
function interfaceRead(spec: string, words: readonly string[], header: SpecHeader | null, loose: boolean): InterfaceRead {
  if (header) {
    return { widths: Object.assign(new Map(header.ports.map((p) => [p.name, p.width])), { conflicting: new Set<string>() }), directions: new Map(header.ports.map((p) => [p.name, p.direction])),
      conflicting: new Set(), required: header.ports.map((p) => p.name) };
  }
  const { directions, conflicting } = readDirections(spec, loose);
  const widths = portWidths(spec, loose);
  // A range before a word that names nothing ("d[8:0] and odd") gives no port a width.
  for (const name of widths.keys()) if (!words.includes(name)) widths.delete(name);
  return { widths, directions, conflicting, required: [...directions.keys()].filter((w) => words.includes(w)) };
}

/** Two or more ports, each with one direction, and no port with a width and no direction. */
function whole(read: InterfaceRead): boolean {
  return read.required.length >= 2 && read.required.length === read.directions.size && read.conflicting.size === 0
    && [...read.widths.keys()].every((w) => read.directions.has(w));
}

/** The module header the spec pastes whole (spec-header.ts), where it is the module the spec names (if it names one). */
function pastedHeader(spec: string, named: readonly string[]): SpecHeader | null {
  const header = specHeader(spec);
  return header && (named.length === 0 || named.includes(header.module)) ? header : null;
}

/**
 * The words a port may be named, never a name the spec gives the module: where the spec marks two
 * or more names as ports (spec-ports.ts), those and the words that look like identifiers; otherwise
 * any word of the spec.
 */
function portWords(listed: readonly string[], words: readonly string[], module: readonly string[]): string[] {
  const free = words.filter((w) => !module.includes(w));
  if (listed.length < 2) return free;
  return free.filter((w) => listed.includes(w) || identifierLike(w));
}

/** What the page shows of a spec: what names from the spec will hold the decoder to. */
export function specReading(spec: string): SpecReading {
  const names = specNames(spec);
  const held = names.required.length > 0;
  const directions = held ? names.directions : portDirections(spec);
  const ports = held ? names.required : [...new Set([...directions.keys(), ...names.widths.keys()])];
  return {
    module: [...names.moduleNames],
    ports: ports.map((name) => ({ name, ...(directions.has(name) ? { direction: directions.get(name)! } : {}), ...(names.widths.has(name) ? { width: names.widths.get(name)! } : {}) })),
    held,
  };
}
