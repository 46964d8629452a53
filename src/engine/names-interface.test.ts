import { describe, expect, it } from 'vitest';
import { allows, nameSlot, slotBias } from './names.js';
import { specNames } from './spec-names.js';
import { NameConstraint } from './name-constraint.js';

/** A spec that declares every port with a direction and a width: the header is held to it. */
const SPEC = 'Module mux2, a 2:1 mux.\nPort list: input [15:0] d0, input [15:0] d1, input sel, output [15:0] q.';
const names = specNames(SPEC);
const HEADER = 'module mux2 (\n  input wire [15:0] d0,\n  input wire [15:0] d1,\n  input sel';

describe('a spec\'s interface', () => {
  it('is what the spec declares, when it declares every port with a direction and a width', () => {
    expect(names.required).toEqual(['d0', 'd1', 'sel', 'q']);
    expect([...names.portName.words].sort()).toEqual(['d0', 'd1', 'q', 'sel']); // not `mux`, an identifier-like word of the prose
    // A port without a width is held with its name and direction: one bit where every width the spec writes is a port's,
    // else the model writes it.
    const loose = specNames('in: d0[16], sel; out: q[16]');
    expect(loose.required).toEqual(['d0', 'sel', 'q']);
    expect([loose.widths.get('d0'), loose.widths.get('sel'), loose.directions.get('sel')]).toEqual([16, 1, 'input']);
    const wider = specNames('in: d0[16], d1[16], d2[16], d3[16], sel; out: q[16]. The select is 2 bits.');
    expect([wider.required.length, wider.widths.get('sel')]).toEqual([6, undefined]);
    // Not where a word of the spec looks like a port the lists leave out (`clk` here).
    expect(specNames('in: d0[16], sel; out: q[16]. Registered on the rising edge of clk.').required).toEqual([]);
    // Not where some port escapes it: two directions for one, a width without a direction.
    expect(specNames('Ports: input [7:0] a, input [7:0] b, input sel, output [7:0] y.\nout: a').required).toEqual([]);
    expect(specNames('- input [7:0] d: data\n- output [7:0] q: stored\nThe register is clocked by clk (1 bit).').required).toEqual([]);
    // Nor is a direction held where the header is not.
    expect(specNames('Ports: a (8 bits), b (8 bits), sel (1 bit), y (8 bits). A mux.\n- output y: result').directions.size).toBe(0);
  });

  it('closes the port list only once every port is declared, and lists none after that', () => {
    expect(allows(nameSlot(HEADER.slice(0, -3))!, 'sel\n);', names)).toBe(false);
    expect(allows(nameSlot(HEADER.slice(0, -3))!, 'sel,', names)).toBe(true);
    expect(allows(nameSlot(`${HEADER}\n`)!, ');', names, new Set(['d0', 'd1']))).toBe(false);
    const all = `${HEADER},\n  output [15:0] q`;
    const inputs = new Set(['d0', 'd1', 'sel']);
    expect(allows(nameSlot(all.slice(0, -1))!, 'q\n);', names, inputs)).toBe(true);
    expect(allows(nameSlot(all.slice(0, -1))!, 'q,', names, inputs)).toBe(false);
    // Non-ANSI: the list closes once it names every port.
    expect(allows(nameSlot('module mux2 (d0, d1, sel')!, ');', names)).toBe(false);
    expect(allows(nameSlot('module mux2 (d0, d1, sel, ')!, ' q);', names)).toBe(true);
  });

  it('goes on with a comma where ports are still to come: no name straight after a name, no initial value', () => {
    const slot = nameSlot('module mux2 (\n  input wire [15:0] d0\n  ')!;
    expect(allows(slot, 'd1', names, new Set(['d0']))).toBe(false);
    expect(allows(slot, ' = 0', names, new Set(['d0']))).toBe(false);
    expect(allows(slot, '// the data', names, new Set(['d0']))).toBe(true); // harmless
    expect(allows(slot, ',', names, new Set(['d0']))).toBe(true);
    // Where the spec gives no interface, a second name still may not follow a name.
    const free = specNames('a mux with d0, d1');
    expect(allows(nameSlot('module mux2 (\n  input d0 ')!, 'd1', free)).toBe(false);
  });

  it('declares a port with its own direction, and a direction only while one of its ports is to come', () => {
    expect(allows(nameSlot('module mux2 (\n  output wire [15:0] ')!, ' d0', names)).toBe(false);
    expect(allows(nameSlot('module mux2 (\n  output wire [15:0] ')!, ' q', names)).toBe(true);
    const afterInputs = nameSlot(`${HEADER},\n  `)!;
    expect(allows(afterInputs, 'input', names, new Set(['d0', 'd1', 'sel']))).toBe(false);
    expect(allows(afterInputs, 'output', names, new Set(['d0', 'd1', 'sel']))).toBe(true);
  });

  it('gives rows that agree with `allows`, and ranges of the ports still to come in that direction', () => {
    const pieces = [')', ');', ',', '\n);', ' q', ' d0', '[', '15', '0', ':0]', ''];
    const slot = nameSlot(`${HEADER}\n`)!;
    const row = slotBias(slot, names, pieces, new Set(['d0', 'd1', 'sel']));
    expect(pieces.filter((_, id) => row?.[id] === 0)).toEqual(pieces.filter((p) => allows(slot, p, names, new Set(['d0', 'd1', 'sel']))));
    expect(row?.[pieces.indexOf(',')]).toBe(0);
    expect(row?.[pieces.indexOf(');')]).toBe(-Infinity);
    const constraint = new NameConstraint(names, pieces);
    constraint.prepare('');
    // In an output's range: only q's width (16) is to come, so `[0:0]` (sel's) may not start.
    const range = constraint.row(`${HEADER},\n  output [`, `${HEADER},\n  output [`);
    expect(range?.[pieces.indexOf('15')]).toBe(0);
    expect(range?.[pieces.indexOf('0')]).toBe(-Infinity);
  });
});
