import type { Rng } from '../util/rng.js';

/**
 * A task family is one kind of everyday RTL (a mux, a FIFO, a sequence
 * detector) that can be instantiated with many parameters, names and coding
 * styles, and described in several phrasings.
 */
export interface Family {
  name: string;
  category: 'combinational' | 'sequential' | 'fsm' | 'memory' | 'arithmetic' | 'serial' | 'arbiter';
  /** Whether the design has a clock (and so a reset). */
  clocked: boolean;
  /** The family's own parameters; their canonical JSON decides the split. */
  params(rng: Rng): FamilyParams;
  design(params: FamilyParams, ctx: DesignContext): Design;
}

export type FamilyParams = Record<string, string | number | boolean>;

/** How the testbench drives an input. */
export type Stimulus =
  | { kind: 'random' }
  /** High with probability p each cycle (enables, valid). */
  | { kind: 'high'; p: number }
  /** Changes with probability p each cycle, else holds (slow buttons, selects). */
  | { kind: 'hold'; p: number }
  /** Uniform in [0, max] (indices, opcodes). */
  | { kind: 'below'; max: number };

export interface Port {
  name: string;
  dir: 'input' | 'output';
  /** Bits; 1 for a scalar. */
  width: number;
  /** Declared range when it names a parameter (`WIDTH-1:0`); else derived from width. */
  range?: string;
  /** Driven from an always block. */
  reg?: boolean;
  signed?: boolean;
  /** What the port is, for the spec ("the count", "select between a and b"). */
  desc: string;
  stim?: Stimulus;
}

export interface Reset {
  name: string;
  activeLow: boolean;
  sync: boolean;
}

export interface Design {
  module: string;
  parameters?: { name: string; value: number }[];
  /** Header order; the clock and reset ports included. */
  ports: Port[];
  /** The module body, already indented, without header and endmodule. */
  body: string;
  /**
   * Descriptions of the behaviour, each a different phrasing (at least 3).
   * The last one is held out: only test tasks use it.
   */
  behaviour: string[];
  /** Clock cycles the testbench runs (default 200). */
  cycles?: number;
}

export type HeaderStyle = 'ansi' | 'ansi-wire' | 'classic';

/** Style choices shared by all families, sampled per task. */
export interface Style {
  indent: string;
  header: HeaderStyle;
  star: '@(*)' | '@*';
}

/** What a family needs to write its design: names, style and the reset convention. */
export class DesignContext {
  readonly clk: string;
  readonly reset: Reset;

  constructor(readonly rng: Rng, readonly style: Style, clocked: boolean) {
    this.clk = rng.pick(['clk', 'clk', 'clock', 'clk_i', 'i_clk']);
    const activeLow = rng.chance(0.35);
    const sync = rng.chance(0.5);
    const names = activeLow
      ? ['rst_n', 'rst_n', 'reset_n', 'resetn', sync ? 'srst_n' : 'arst_n']
      : ['rst', 'rst', 'reset', sync ? 'srst' : 'arst'];
    this.reset = { name: clocked ? rng.pick(names) : '', activeLow, sync };
  }

  /** Indentation for `level` levels. */
  ind(level: number): string {
    return this.style.indent.repeat(level);
  }

  /** `always @(posedge clk)`, with the reset in the list when it is asynchronous. */
  get alwaysFF(): string {
    const r = this.reset;
    if (r.sync) return `always @(posedge ${this.clk})`;
    return `always @(posedge ${this.clk} or ${r.activeLow ? 'negedge' : 'posedge'} ${r.name})`;
  }

  get alwaysComb(): string {
    return `always ${this.style.star}`;
  }

  /** The condition under which the reset is asserted. */
  get resetActive(): string {
    return this.reset.activeLow ? `!${this.reset.name}` : this.reset.name;
  }

  clockPort(): Port {
    return { name: this.clk, dir: 'input', width: 1, desc: 'clock; everything happens on its rising edge' };
  }

  resetPort(): Port {
    return { name: this.reset.name, dir: 'input', width: 1, desc: this.describeReset() };
  }

  describeReset(): string {
    const r = this.reset;
    return `${r.sync ? 'synchronous' : 'asynchronous'} active-${r.activeLow ? 'low' : 'high'} reset`;
  }

  /** "When rst is high on a clock edge" / "Whenever rst_n goes low" for the spec. */
  resetPhrase(): string {
    const r = this.reset;
    const level = r.activeLow ? 'low' : 'high';
    return r.sync
      ? `while ${r.name} is ${level} at a rising clock edge`
      : `as soon as ${r.name} is ${level} (asynchronously, without waiting for the clock)`;
  }

  /**
   * A clocked always block with the reset branch: `resets` are the
   * assignments under reset, `body` the rest (already indented one level
   * deeper than the block).
   */
  seqBlock(resets: string[], body: string[], level = 1): string {
    const i = this.ind(level);
    const j = this.ind(level + 1);
    const k = this.ind(level + 2);
    const lines = [
      `${i}${this.alwaysFF} begin`,
      `${j}if (${this.resetActive}) begin`,
      ...resets.map((r) => `${k}${r}`),
      `${j}end else begin`,
      ...body.map((b) => `${k}${b}`),
      `${j}end`,
      `${i}end`,
    ];
    return lines.join('\n');
  }
}

/** `[7:0] ` for a vector, '' for a scalar. */
export function rangeOf(p: Pick<Port, 'width' | 'range'>): string {
  if (p.range) return `[${p.range}] `;
  return p.width > 1 ? `[${p.width - 1}:0] ` : '';
}

/** The module header and declarations in the chosen style, then the body and endmodule. */
export function emitModule(design: Design, style: Style): string {
  const ind = style.indent;
  const params = design.parameters ?? [];
  const paramList = params.length
    ? ` #(${params.map((p) => `parameter ${p.name} = ${p.value}`).join(', ')})`
    : '';
  const lines: string[] = [];
  const signed = (p: Port) => (p.signed ? 'signed ' : '');
  if (style.header === 'classic') {
    lines.push(`module ${design.module}${paramList} (${design.ports.map((p) => p.name).join(', ')});`);
    for (const p of design.ports) {
      lines.push(`${ind}${p.dir} ${signed(p)}${rangeOf(p)}${p.name};`);
      if (p.reg) lines.push(`${ind}reg ${signed(p)}${rangeOf(p)}${p.name};`);
    }
  } else {
    lines.push(`module ${design.module}${paramList} (`);
    design.ports.forEach((p, n) => {
      const net = p.reg ? 'reg ' : style.header === 'ansi-wire' ? 'wire ' : '';
      const sep = n === design.ports.length - 1 ? '' : ',';
      lines.push(`${ind}${p.dir} ${net}${signed(p)}${rangeOf(p)}${p.name}${sep}`);
    });
    lines.push(');');
  }
  return `${lines.join('\n')}\n${design.body.replace(/\s+$/, '')}\nendmodule\n`;
}

/** "8-bit" or "1-bit". */
export const bits = (n: number): string => `${n}-bit`;

/**
 * A size: half the time one people usually ask for, else anything in
 * [lo, hi], so a model reads "5 bits" from the spec instead of recalling 8.
 */
export function sized(rng: Rng, usual: readonly number[], lo: number, hi: number): number {
  return rng.chance(0.5) ? rng.pick(usual) : rng.int(lo, hi);
}
