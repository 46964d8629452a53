import type { Direction } from './port-directions.js';
import { ID, TYPE_WORDS } from './spec-ports.js';

/**
 * A module header the spec gives whole, as people paste it: `module cmp8
 * (input [7:0] a, b, output eq, gt, lt)`, one port a line with comments, a
 * declaration shared by several names. Read as Verilog reads it (a name
 * without its own direction continues the declaration before it), it is the
 * interface exactly, where the prose readers (spec-ports.ts,
 * port-directions.ts) see `b` without a width and `c // c[i] = ...` without a
 * direction. Only an ANSI header whose every port has a direction and a
 * numeric width is read: a parameter's width or a bare port list
 * (`mux4(a, b, sel, y)`) leaves the interface to the prose readers.
 */

export interface HeaderPort {
  name: string;
  direction: Direction;
  width: number;
}

export interface SpecHeader {
  module: string;
  ports: HeaderPort[];
}

const MODULE = new RegExp(`\\bmodule\\s+(${ID})\\s*(?=[#(])`, 'g');
const ITEM = new RegExp(`^(?:(input|output|inout)\\s+)?((?:(?:wire|reg|logic|signed|unsigned)\\s+)*)(?:\\[\\s*(\\d+)\\s*:\\s*(\\d+)\\s*\\]\\s*)?(${ID})$`);
const KEYWORDS = new Set([...TYPE_WORDS, 'module']);

/** Where the bracket opened at `open` closes (comments skipped: `// majority(x, y)` holds parentheses), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      if (end < 0) return -1;
      i = end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

const withoutComments = (text: string) => text.replace(/\/\/[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');

/** The ports of an ANSI port list, or null where it is not one (or a width is not a number). */
export function ansiPorts(list: string): HeaderPort[] | null {
  const items = withoutComments(list).split(',').map((s) => s.trim().replace(/\s+/g, ' '));
  const ports: HeaderPort[] = [];
  let current: { direction: Direction; width: number } | null = null;
  for (const item of items) {
    const m = ITEM.exec(item);
    if (!m) return null;
    const [, direction, types, msb, lsb, name] = m;
    if (KEYWORDS.has(name!)) return null;
    if (direction) current = { direction: direction as Direction, width: msb === undefined ? 1 : Math.abs(Number(msb) - Number(lsb)) + 1 };
    // A name after a comma continues the declaration; a type or range of its own without a direction is not Verilog.
    else if (!current || types || msb !== undefined) return null;
    if (ports.some((p) => p.name === name)) return null;
    ports.push({ name: name!, ...current });
  }
  return ports.length ? ports : null;
}

/** The one module header the spec gives with its whole ANSI interface, or null (none, several, or one that cannot be read). */
export function specHeader(spec: string): SpecHeader | null {
  const found: SpecHeader[] = [];
  for (const m of spec.matchAll(MODULE)) {
    let at = m.index + m[0].length;
    if (spec[at] === '#') {
      const params = spec.indexOf('(', at);
      if (params < 0 || spec.slice(at + 1, params).trim()) continue;
      const end = closing(spec, params);
      if (end < 0) continue;
      at = end + 1;
      while (/\s/.test(spec[at] ?? '')) at++;
    }
    if (spec[at] !== '(') continue;
    const end = closing(spec, at);
    if (end < 0) continue;
    const ports = ansiPorts(spec.slice(at + 1, end));
    if (ports) found.push({ module: m[1]!, ports });
  }
  return found.length === 1 ? found[0]! : null;
}
