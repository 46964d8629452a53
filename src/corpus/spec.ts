import type { Design, Port } from './family.js';
import type { Rng } from '../util/rng.js';

/**
 * How a task's spec lays out its interface. People write specs in many
 * shapes: a bullet list, a table, a sentence, a Verilog port list, or no
 * list at all, and some give the ports with the module's name
 * (`named-ports`: "dec: input [2:0] a, output [7:0] y"; `signature`:
 * "dec(a[2:0], y[7:0])"). The last layout in `LAYOUTS` is held out for test tasks.
 */
export const LAYOUTS = ['bullets', 'interface', 'io-lists', 'table', 'verilog', 'compact', 'none', 'named-ports', 'signature', 'prose', 'sentence'] as const;
export type Layout = (typeof LAYOUTS)[number];
/** The layout only test tasks use. */
export const HELD_OUT_LAYOUT: Layout = 'sentence';

/** Layouts a train or validation task draws from, with weights. */
const TRAIN_LAYOUTS: readonly [Layout, number][] = [['bullets', 3], ['interface', 2], ['io-lists', 2], ['table', 2], ['verilog', 1], ['compact', 1]];
/**
 * Train only: no port list, and the layouts that give the module's name with
 * its ports. Validation and test tasks stay as measured before these existed;
 * eval/user and eval/user2 measure specs that name a module these ways.
 */
const TRAIN_ONLY_LAYOUTS: readonly [Layout, number][] = [['none', 0.3], ['named-ports', 1.2], ['signature', 1], ['prose', 1.5]];
export const TRAIN_ONLY: readonly Layout[] = TRAIN_ONLY_LAYOUTS.map(([l]) => l);

/** Half the test tasks use the held-out layout; train and validation never do. */
export function pickLayout(rng: Rng, split: 'train' | 'validation' | 'test'): Layout {
  if (split === 'test' && rng.chance(0.5)) return HELD_OUT_LAYOUT;
  const choices = split === 'train' ? [...TRAIN_LAYOUTS, ...TRAIN_ONLY_LAYOUTS] : TRAIN_LAYOUTS;
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [layout, w] of choices) if ((x -= w) < 0) return layout;
  return choices[0]![0];
}

const sizeOf = (p: Port): string => (p.range ? `[${p.range}]` : p.width > 1 ? `[${p.width - 1}:0]` : '');
const bitsOf = (p: Port): string => (p.range ? `${p.width} bits by default` : p.width === 1 ? '1 bit' : `${p.width} bits`);
const signedOf = (p: Port): string => (p.signed ? 'signed ' : '');

function ports(design: Design, layout: Layout, rng: Rng): string {
  const ps = design.ports;
  switch (layout) {
    case 'bullets':
      return [rng.pick(['Ports:', 'Ports', 'I/O:']), ...ps.map((p) => `${rng.pick(['-', '*'])} ${p.dir} ${signedOf(p)}${sizeOf(p) ? `${sizeOf(p)} ` : ''}${p.name}: ${p.desc}`)].join('\n');
    case 'interface':
      return ['Interface:', ...ps.map((p) => `  ${p.name} (${p.dir}, ${signedOf(p)}${bitsOf(p)}) - ${p.desc}`)].join('\n');
    case 'io-lists': {
      const list = (dir: string) => ps.filter((p) => p.dir === dir).map((p) => `${p.name} (${signedOf(p)}${bitsOf(p)}, ${p.desc})`).join(', ');
      return `Inputs: ${list('input')}.\nOutputs: ${list('output')}.`;
    }
    case 'table':
      return ['| port | direction | width | description |', '| --- | --- | --- | --- |',
        ...ps.map((p) => `| ${p.name} | ${p.dir} | ${p.range ? p.range : p.width}${p.signed ? ' (signed)' : ''} | ${p.desc} |`)].join('\n');
    case 'verilog':
      return `${rng.pick(['Port list:', 'Use this port list:', 'Ports (Verilog):'])} ${ps.map((p) => `${p.dir} ${signedOf(p)}${sizeOf(p) ? `${sizeOf(p)} ` : ''}${p.name}`).join(', ')}`;
    case 'compact': {
      const list = (dir: string) => ps.filter((p) => p.dir === dir).map((p) => `${p.name}${p.width > 1 || p.range ? `[${p.range ?? p.width}]` : ''}${p.signed ? ' signed' : ''}`).join(', ');
      return `in: ${list('input')}; out: ${list('output')}`;
    }
    case 'sentence': {
      const phrase = (p: Port) => `${p.width === 1 && !p.range ? 'a 1-bit' : `a ${signedOf(p)}${p.range ? `${p.width}-bit (by default)` : `${p.width}-bit`}`} ${p.dir} ${p.name} (${p.desc})`;
      const items = ps.map(phrase);
      return `The module has ${items.slice(0, -1).join(', ')} and ${items.at(-1)}.`;
    }
    case 'prose':
      return prosePorts(ps, rng);
    case 'named-ports':
      return `${design.module}: ${portList(ps, rng)}`;
    case 'signature':
      return `${design.module}(${rng.chance(0.5) ? declarations(ps) : ps.map(compactName).join(', ')})`;
    case 'none':
      return '';
  }
}

/** `input [2:0] a, output [7:0] y`, as a Verilog header has them. */
const declarations = (ps: readonly Port[]): string => ps.map((p) => `${p.dir} ${signedOf(p)}${sizeOf(p) ? `${sizeOf(p)} ` : ''}${p.name}`).join(', ');
/** `a[2:0]`: a name with its range, as people write a bus. */
const compactName = (p: Port): string => `${p.name}${sizeOf(p)}${p.signed ? ' (signed)' : ''}`;

/** `8 bits`, `1 bit`, `signed 16 bits`, `8 bits by default`: a port's width as people say it. */
const widthWords = (p: Port): string => `${signedOf(p)}${bitsOf(p)}`;
/** `8-bit`, `signed 16-bit`: the same before a noun. */
const widthAdjective = (p: Port): string => `${signedOf(p)}${p.width}-bit`;
const joinAnd = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
/** A sentence's first word capitalised, unless it is a port's name (names keep their case). */
const capitalised = (s: string): string => (/^(the|input|output) /.test(s) ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * Train only: ports in the running prose people type ("a and b come in, 8 bits each; y goes out",
 * "sel is the 2-bit input (select)", "key[3:0] in, match[3:0] out"), in other words than the
 * held-out `sentence` layout ("The module has a 1-bit input clk (...) and ...").
 */
function prosePorts(ps: readonly Port[], rng: Rng): string {
  const clause = (p: Port): string => {
    switch (rng.int(0, 3)) {
      case 0: return `${p.name} is the ${widthAdjective(p)} ${p.dir} (${p.desc})`;
      case 1: return `${p.name}${sizeOf(p)} ${p.dir === 'input' ? 'in' : 'out'} - ${p.desc}`;
      case 2: return `${p.dir} ${p.name} is ${widthWords(p)} wide: ${p.desc}`;
      default: return `the ${p.desc.replace(/^(the|an?) /i, '')} ${p.dir === 'input' ? 'comes in on' : 'goes out on'} ${p.name} (${widthWords(p)})`;
    }
  };
  if (rng.chance(0.6)) {
    const clauses = ps.map(clause);
    return rng.chance(0.5) ? `${clauses.map(capitalised).join('. ')}.` : `${capitalised(clauses.join('; '))}.`;
  }
  // Names first, then their widths grouped ("a and b are 8 bits each, sel is 1 bit").
  const names = (dir: string) => ps.filter((p) => p.dir === dir).map((p) => p.name);
  const [ins, outs] = [names('input'), names('output')];
  const flow = `${joinAnd(ins)} ${ins.length > 1 ? 'come' : 'comes'} in and ${joinAnd(outs)} ${outs.length > 1 ? 'go' : 'goes'} out`;
  const byWidth = new Map<string, string[]>();
  for (const p of ps) byWidth.set(widthWords(p), [...(byWidth.get(widthWords(p)) ?? []), p.name]);
  const widths = [...byWidth].map(([w, group]) => (group.length > 1 ? `${joinAnd(group)} are ${w} each` : `${group[0]} is ${w}`));
  return `${capitalised(flow)}; ${widths.join(', ')}.`;
}

/** The ports after a module's name and a colon, in one of the ways people list them on a line. */
function portList(ps: readonly Port[], rng: Rng): string {
  const names = (dir: string) => ps.filter((p) => p.dir === dir).map(compactName).join(', ');
  switch (rng.int(0, 2)) {
    case 0: return declarations(ps);
    case 1: return `inputs ${names('input')}; outputs ${names('output')}`;
    default: return `${names('input')} -> ${names('output')}`;
  }
}

/**
 * The spec of `design` with behaviour phrasing `template`, in `layout`.
 * One in ten is long, as pasted specs are: a paragraph of context first and
 * the behaviour said a second way (`alternate`, another phrasing the split
 * may use) after the interface. With `varyNaming` (train only), the module
 * is named where people also put it: as the behaviour's subject ("acc is a
 * 16-bit accumulator ...", "acc - ...") or at the end ("Call it acc.").
 */
export function writeSpec(design: Design, template: number, layout: Layout, rng: Rng, alternate?: number, varyNaming = false): string {
  const m = design.module;
  const named = layout === 'named-ports' || layout === 'signature';
  let behaviour = design.behaviour[template]!;
  // One draw, and only for train tasks, so validation and test specs stay as they were.
  const where = !named && varyNaming ? rng.next() : 1;
  const subject = where < 0.2;
  const outro = !subject && where < 0.35 ? rng.pick(OUTROS)(m) : '';
  if (subject) behaviour = /^An? /.test(behaviour) && rng.chance(0.6) ? `${m} is ${behaviour[0]!.toLowerCase()}${behaviour.slice(1)}` : `${m}${rng.pick([':', ' -', ' \u2014', ' \u2013'])} ${behaviour}`;
  // People who name the module at the end often say so in the behaviour's paragraph.
  if (outro && rng.chance(0.5)) behaviour = `${behaviour} ${outro}`;
  // A spec that names its module with the ports, as the subject or at the end has no naming intro.
  const nameless = named || subject || Boolean(outro);
  const intro = nameless ? rng.pick(NAMELESS_INTROS) : rng.pick([
    `Write a Verilog module named \`${m}\`.`,
    `Implement the Verilog module \`${m}\`.`,
    `Design ${m} in Verilog.`,
    `Create a synthesizable Verilog module called ${m}.`,
    `Module name: ${m}.`,
    `I need a Verilog module ${m}.`,
    `${m}:`,
    `Verilog-2001, module \`${m}\`.`,
  ]);
  const params = design.parameters ?? [];
  const paramText = !params.length ? '' : rng.chance(0.5)
    ? params.map((p) => `Parameter ${p.name} defaults to ${p.value}.`).join(' ')
    : `Parameters: ${params.map((p) => `${p.name} = ${p.value}`).join(', ')}.`;
  const portText = ports(design, layout, rng);
  const parts = layout === 'compact' || rng.chance(0.75)
    ? [intro, behaviour, paramText, portText]
    : [intro, paramText, portText, behaviour];
  if (alternate !== undefined && alternate !== template && rng.chance(0.1)) {
    parts.unshift(`${rng.pick(CONTEXT)} ${rng.pick(CONTEXT_MORE)}\n`);
    parts.push(`\n${rng.pick(['Put differently:', 'In other words:', 'To restate the behaviour:'])} ${design.behaviour[alternate]!}`);
  }
  if (rng.chance(0.15)) parts.push(`Notes: ${rng.pick(NOTES)}`);
  if (outro && !behaviour.endsWith(outro)) parts.push(outro);
  // Specs that name the module these ways are often typed on one line.
  return parts.filter(Boolean).join(nameless && !portText.includes('\n') && rng.chance(0.4) ? ' ' : '\n');
}

/** How people name the module at the end of a spec. */
const OUTROS: readonly ((m: string) => string)[] = [
  (m) => `Call it ${m}.`,
  (m) => `Name it ${m}.`,
  (m) => `Name the module ${m}.`,
  (m) => `Module: ${m}.`,
  (m) => `Module name: ${m}`,
  (m) => `The module should be called ${m}.`,
  (m) => `Top-level module: ${m}.`,
  (m) => `(module ${m})`,
  (m) => `Please call the module \`${m}\`.`,
];

/** Intros of specs that name the module elsewhere (with its ports, as the behaviour's subject or at the end). */
const NAMELESS_INTROS = ['', '', 'Verilog, please.', 'In Verilog, please.', 'Write this in Verilog.', 'Need a synthesizable module.', 'RTL for the following.'];

/** Where a block sits, as long specs begin (the design does not depend on it). */
const CONTEXT = [
  'This block is part of a small RISC-V microcontroller we are bringing up on an FPGA board.',
  'We are building the control path of a sensor hub, and this is one of its leaf modules.',
  'The following module goes into a student project: a simple audio synthesizer on a Lattice iCE40.',
  'Our team is replacing a legacy VHDL design piece by piece; this is the next piece.',
  'Context: a packet-processing pipeline with several independent clock-enable domains.',
  'This is a utility block for a test chip; area matters more than speed.',
];
const CONTEXT_MORE = [
  'It will be verified in simulation before synthesis, so behaviour must match the description exactly.',
  'Timing is relaxed (50 MHz), so plain RTL without tricks is fine.',
  'Other engineers will read the code, so keep it straightforward.',
  'Reset behaviour matters: the board powers up with the reset asserted.',
];

/** Requirements people add that change nothing in a correct answer (they make specs longer and varied). */
const NOTES = [
  'keep it synthesizable: no delays, no initial blocks.',
  'plain Verilog-2001, no SystemVerilog.',
  'use non-blocking assignments for registers and blocking ones in combinational blocks.',
  'this goes into a larger design, so keep the port names exactly as given.',
  'one module only, no submodules.',
  'it will be synthesized for an FPGA; write clean RTL.',
];
