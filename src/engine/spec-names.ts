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
  const widths = header ? new Map(header.ports.map((p) => [p.name, p.width])) : portWidths(spec);
  const { directions, conflicting } = header ? { directions: new Map(header.ports.map((p) => [p.name, p.direction])), conflicting: new Set() } : readDirections(spec);
  const required = header ? listed : [...directions.keys()].filter((w) => words.includes(w));
  // Held only to an interface read whole: every port found has both, and no port has a width without a direction or two directions.
  const complete = required.length >= 2 && required.length === directions.size && conflicting.size === 0
    && required.every((w) => widths.has(w)) && [...widths.keys()].every((w) => directions.has(w));
  const given = named.length ? named : codeShapedWords(spec, new Set([...listed, ...directions.keys(), ...widths.keys()])).filter((w) => words.includes(w));
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
