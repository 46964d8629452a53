import type { Direction } from './port-directions.js';

/**
 * Candidates for the module header from the spec's interface. Where the
 * spec declares every port with a direction and a width (spec-names.ts:
 * the header is held to it), the header is known but for its style: the
 * model writes `input wire [7:0] a,` or `    input [7:0] a,`, and a third
 * of a small module's tokens are its header. So inside the port list the
 * rest of the header is drafted in the style of the declarations written
 * so far (the first one in the corpus's most common style), the ports
 * still to declare in the spec's order, and verified like the looked-up
 * branch (lookup.ts): the greedy output does not change, only how many
 * tokens a step keeps.
 */

export interface HeldPort {
  name: string;
  direction: Direction;
  width: number;
}

/** How a port list's declarations are written. */
interface Style {
  indent: string;
  /** Type word per direction (`wire`, `reg`, or none). */
  types: Map<string, string>;
}

const DECLARATION = /^(\s*)(input|output|inout)\b(?:\s+(wire|reg|logic))?(?:\s+signed)?\s*(?:\[[^\]]*\]\s*)?([A-Za-z_][A-Za-z0-9_$]*)$/;
const range = (width: number) => (width > 1 ? ` [${width - 1}:0]` : '');

/** A direction's type word: as written; an output's, until one is written, follows the inputs' (`reg` where clocked). */
function typeOf(direction: Direction, style: Style, clocked: boolean): string {
  const input = style.types.get('input') ?? 'wire';
  return style.types.get(direction) ?? (direction === 'input' ? input : clocked ? 'reg' : input);
}

/** One declaration as `style` writes it. */
function declaration(port: HeldPort, style: Style, clocked: boolean): string {
  const type = typeOf(port.direction, style, clocked);
  return `${style.indent}${port.direction}${type ? ` ${type}` : ''}${range(port.width)} ${port.name}`;
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/**
 * The header text that follows `output` (the decoder's text so far): the
 * declaration being written, the ones still to come and `);`; null outside
 * a port list, once it is closed, or where `output` leaves the interface.
 */
export function headerContinuation(output: string, ports: readonly HeldPort[]): string | null {
  const open = /\bmodule\s+[A-Za-z_][A-Za-z0-9_$]*\s*\(/.exec(output);
  if (!open || ports.length === 0) return null;
  const list = output.slice(open.index + open[0].length);
  if (/[)/;#]/.test(list)) return null; // closed, a comment, or a parameter list: not drafted
  const parts = list.split(',');
  const partial = parts.pop()!;
  const style: Style = { indent: '\n  ', types: new Map() };
  const declared = new Set<string>();
  for (const [i, part] of parts.entries()) {
    const m = DECLARATION.exec(part);
    if (!m) return null; // a bare port list, or one declaration naming several ports
    if (i === 0) style.indent = m[1]!.includes('\n') ? m[1]! : ' ';
    style.types.set(m[2]!, m[3] ?? '');
    declared.add(m[4]!);
  }
  const left = ports.filter((p) => !declared.has(p.name));
  if (left.length === 0) return null;
  const clocked = ports.some((p) => /^(clk|clock)/i.test(p.name) && p.direction === 'input');
  // The declaration being written: the first remaining port, spelled the first way, that its text so far fits.
  // Its indent is known once the first declaration is written, its type once one of its direction is.
  const indents = parts.length ? [style.indent] : unique([style.indent, '\n    ', '\n\t', ' ']);
  for (const port of left) {
    const types = style.types.has(port.direction) ? [style.types.get(port.direction)!] : unique([typeOf(port.direction, style, clocked), '', 'wire', 'reg']);
    for (const indent of indents) {
      for (const type of types) {
        const spelled: Style = { indent, types: new Map(style.types).set(port.direction, type) };
        const close = indent.includes('\n') ? '\n);' : ');';
        const text = `${[port, ...left.filter((p) => p !== port)].map((p) => declaration(p, spelled, clocked)).join(',')}${close}`;
        if (text.startsWith(partial)) return text.slice(partial.length);
      }
    }
  }
  return null;
}
