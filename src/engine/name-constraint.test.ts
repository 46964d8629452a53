import { describe, expect, it } from 'vitest';
import { DecodeConstraint } from './constraint.js';
import { NameConstraint } from './name-constraint.js';
import { specNames } from './spec-names.js';
import { GrammarRows } from './grammar-rows.js';
import { allowsUse as allowsShape, declarationSlot, declaredNames, headerDone, pieceShape, takenNames, useSlot, useWords } from './uses.js';

const allowsUse = (partial: string, piece: string, words: ReturnType<typeof useWords>) => allowsShape(partial, pieceShape(piece), words);

const SPEC = 'mux2:\nCombinational 2:1 mux of width 16; sel low routes d0 to the output q, sel high routes d1.\nin: d0[16], d1[16], sel; out: q[16]';
const HEADER = 'module mux2 (\n  input wire [15:0] d0,\n  input wire [15:0] d1,\n  input wire sel,\n  output wire [15:0] q\n);\n';

describe('uses of declared names', () => {
  it('collects what the code declares: ports (both header styles), nets, variables, parameters', () => {
    expect([...declaredNames(HEADER)].sort()).toEqual(['d0', 'd1', 'q', 'sel']);
    expect([...declaredNames('module m (a, b);\n  input a;\n  reg [3:0] r, s;\n  integer i;\n  localparam IDLE = 0;\n')].sort()).toEqual(['IDLE', 'a', 'b', 'i', 'r', 's']);
    expect(headerDone(HEADER)).toBe(true);
    expect(headerDone('module mux2 (\n  input wire a,')).toBe(false);
  });

  it('checks identifiers the body reads or writes, not new names, numbers, labels or comments', () => {
    expect(useSlot(`${HEADER}  assign q = se`)).toEqual({ partial: 'se', inEvent: false });
    expect(useSlot(`${HEADER}  assign q = `)).toEqual({ partial: '', inEvent: false });
    expect(useSlot(`${HEADER}  reg [3:0] cou`)).toBeNull();
    expect(useSlot(`${HEADER}  wire [3:0] x = `)).toEqual({ partial: '', inEvent: false });
    expect(useSlot(`${HEADER}  assign q = 16'h`)).toBeNull();
    expect(useSlot(`${HEADER}  always @(*) begin : lab`)).toBeNull();
    expect(useSlot(`${HEADER}  // the sel`)).toBeNull();
    expect(useSlot(`${HEADER}  assign q = $sig`)).toBeNull();
    expect(useSlot(`${HEADER}  always @(posedge sel `)).toEqual({ partial: '', inEvent: true });
    // The next declarator of a list is a new name; an element of a concatenation is a use.
    expect(useSlot(`${HEADER}  localparam S_GREEN = 2'd0, S_Y`)).toBeNull();
    expect(useSlot(`${HEADER}  wire [3:0] x = {d0[1:0], s`)).toEqual({ partial: 's', inEvent: false });
  });

  it('reads every declarator of a list, and what a body may not declare again', () => {
    expect([...declaredNames(`${HEADER}  localparam S0 = 2'd0, S1 = 2'd1, S2 = {1'b1, 1'b0};\n  wire a = d0[0], b;\n`)].sort()).toEqual(['S0', 'S1', 'S2', 'a', 'b', 'd0', 'd1', 'q', 'sel']);
    expect([...takenNames(`${HEADER}  reg [3:0] r;\n`)].sort()).toEqual(['d0', 'd1', 'q', 'r', 'sel']);
    // A non-ANSI header's ports get their nets and variables in the body.
    expect([...takenNames('module m (a, q);\n  input a;\n  output q;\n')]).toEqual([]);
    expect(declarationSlot(`${HEADER}  reg [15:0] q`)).toBe('q');
    // Comments declare nothing; functions and `for` headers have scopes of their own.
    expect(declarationSlot(`${HEADER}  // Output logic\n  assign q`)).toBeNull();
    expect([...declaredNames('module m (\n  input clk, // clock input\n  output q // counter value\n);\n')].sort()).toEqual(['clk', 'q']);
    expect([...takenNames('module m (input a);\n  for (genvar j = 0; j < 2; j = j + 1) begin end\n  function f; integer k; endfunction\n')]).toEqual(['a']);
    expect(declarationSlot(`${HEADER}  localparam A = 0, B`)).toBe('B');
    expect(declarationSlot(`${HEADER}  assign q = d`)).toBeNull();
    expect(declarationSlot(`${HEADER}  reg [15:`)).toBeNull();
  });

  it('lets a use be a declared name or a keyword, on its way or complete', () => {
    const words = useWords(['d0', 'd1', 'sel', 'q']);
    expect(allowsUse('', ' sel', words)).toBe(true);
    expect(allowsUse('', ' se', words)).toBe(true);
    expect(allowsUse('', ' s ?', words)).toBe(false); // `s` is no declared name
    expect(allowsUse('', ' always', words)).toBe(true);
    expect(allowsUse('', ' 8', words)).toBe(true);
    expect(allowsUse('d', '0', words)).toBe(true);
    expect(allowsUse('d', ' ?', words)).toBe(false);
    expect(allowsUse('', ' or', words)).toBe(false); // a gate keyword, outside an event
    expect(allowsUse('', ' or', useWords(['d0', 'd1', 'sel', 'q', 'or']))).toBe(true); // in an event, `or` is added
    expect(allowsUse('diff', "'b0", words)).toBe(false);
  });
});

describe('NameConstraint', () => {
  const names = specNames(SPEC);
  const pieces = ['', ' mux2', ' mux2_16', ' d0', ' data', ',', 'x', ' ('];
  /** Names only: the grammar is tested in grammar.test.ts. */
  const byNames = (vocab: string[]) => new DecodeConstraint(vocab, new NameConstraint(names, vocab), null);

  it('biases only the tree nodes whose path ends at a declared name', () => {
    const constraint = byNames(pieces);
    // Node 0 is the output's last token; node 1 (" mux2") follows it; node 2 (" (") follows node 1.
    const bias = constraint.bias('module', [1, 1, 7], Int32Array.of(-1, 0, 1))!;
    const row = (i: number) => Array.from(bias.subarray(i * pieces.length, (i + 1) * pieces.length), (v) => v === 0);
    expect(row(0)).toEqual([false, true, false, false, false, false, false, false]); // `module`: the name the spec gives, after a space
    expect(row(1)).toEqual([false, false, false, false, false, false, false, true]); // `module mux2`: the header goes on
    expect(row(2)).toEqual([false, false, false, true, false, false, false, false]); // `module mux2 (`: a port the spec lists
  });

  it('rules out declaring a name twice', () => {
    const vocab = [...pieces, ' q', ';', ' r'];
    const bias = byNames(vocab).bias(`${HEADER}  reg [15:0]`, [8], Int32Array.of(-1))!;
    const completes = byNames(vocab).bias(`${HEADER}  reg [15:0] q`, [9], Int32Array.of(-1))!;
    expect(bias[vocab.indexOf(' q')]).toBe(0); // ` q` may go on to `q_next`
    expect(completes[vocab.indexOf(';')]).toBe(-Infinity); // `q` is the header's port
    expect(byNames(vocab).bias(`${HEADER}  reg [15:0] r`, [9], Int32Array.of(-1))?.[vocab.indexOf(';')] ?? 0).toBe(0);
  });

  it('where no spec name fits a port declaration, holds it to the spec names of any width, then to a name not declared', () => {
    // The spec gives a, y one bit, and no width to b, c, and names a reset it does not declare: the header is not held,
    // a and y keep their width. (Pasted as a header, `module majority3(input a, b, c, output y)`, b and c are 1-bit inputs: spec-header.ts.)
    const majority = specNames('majority vote of three bits, majority3: input a, b, c, output y. Clears on rst.');
    const vocab = [' a', ' y', ' Key', ',', ' b', ' c', 'n'];
    const constraint = new DecodeConstraint(vocab, new NameConstraint(majority, vocab), null);
    const allowed = (text: string) => vocab.filter((_, id) => (constraint.bias(text, [0], Int32Array.of(-1))?.[id] ?? 0) === 0);
    const header = 'module majority3 (\n  input [13:0] b,\n  input [1:0] c,\n  output [13:0] ';
    // No spec name left is 14 bits wide: a and y (1 bit) rather than a name the spec does not have.
    expect(allowed(header)).toEqual([' a', ' y']);
    // All spec names declared: any name but those (` Key` may go on to `Keyn`), each once.
    const all = `${header}a,\n  output [13:0] y,\n  output [13:0] Key,\n  output [13:0] `;
    expect(allowed(all)).toEqual(vocab);
    expect(allowed(`${all}Key`)).toEqual(['n']);
  });

  it('past the header, rules out undeclared names', () => {
    const constraint = byNames(pieces);
    const bias = constraint.bias(`${HEADER}  assign q =`, [5], Int32Array.of(-1))!;
    expect(bias[3]).toBe(0); // d0 is declared
    expect(bias[4]).toBe(-Infinity); // data is not
  });

  it('in a block, begins a statement with a variable or a keyword, never a net or an input', () => {
    const vocab = [' q', ' r', ' sel', ' if', ' end', ' myf'];
    const constraint = new DecodeConstraint(vocab, new NameConstraint(names, vocab), new GrammarRows(vocab, false));
    const allowed = (text: string) => vocab.filter((_, id) => (constraint.bias(text, [0], Int32Array.of(-1))?.[id] ?? 0) === 0);
    const body = `${HEADER}  reg [15:0] r;\n  function [15:0] myf;\n    input a;\n    myf = a;\n  endfunction\n  always @(*) begin\n   `;
    expect(allowed(body)).toEqual([' r', ' if', ' end', ' myf']); // q is the header's net, sel an input
    expect(allowed(`${body} if (sel)`)).toEqual(expect.arrayContaining([' r', ' if', ' myf']));
    expect(allowed(`${body} if (sel)`)).not.toContain(' q');
    // In an expression any declared name is read.
    expect(allowed(`${body} r = `)).toEqual([' q', ' r', ' sel', ' myf']);
    // No way into a block word the grammar refuses (an `else` with no `if`): the two rows always agree on something.
    const words = [' el', ' els', ' end', ' r'];
    const both = new DecodeConstraint(words, new NameConstraint(names, words), new GrammarRows(words, false));
    const open = (text: string) => words.filter((_, id) => (both.bias(text, [0], Int32Array.of(-1))?.[id] ?? 0) === 0);
    expect(open(`${HEADER}  reg [15:0] r;\n  always @(*) begin\n    r = 0;\n   `)).toEqual([' end', ' r']);
    expect(open(`${HEADER}  reg [15:0] r;\n  always @(*) begin\n    if (sel) r = 0;\n   `)).toEqual(words);
    // An ANSI `output reg` is a variable; the ports listed after it are not.
    const ansi = 'module mux2 (\n  output reg [15:0] q,\n  input wire sel\n);\n  always @(*) begin\n   ';
    expect(allowed(ansi)).toContain(' q');
    expect(allowed(ansi)).not.toContain(' sel');
  });

  it('gives a port an initial value only where it is an output variable', () => {
    const vocab = [' =', ',', ';', '\n'];
    const allowed = (text: string) => vocab.filter((_, id) => (byNames(vocab).bias(text, [0], Int32Array.of(-1))?.[id] ?? 0) === 0);
    const ansi = 'module mux2 (\n  input wire [15:0] d0,\n  input wire [15:0] d1,\n  input wire sel,\n  output';
    expect(allowed(`${ansi} wire [15:0] q`)).not.toContain(' =');
    expect(allowed(`${ansi} reg [15:0] q`)).toContain(' =');
    const plain = 'module mux2 (d0, d1, sel, q);\n  input [15:0] d0, d1;\n  input sel;\n  output';
    expect(allowed(`${plain} [15:0] q`)).not.toContain(' =');
    expect(allowed(`${plain} reg [15:0] q`)).toContain(' =');
    expect(allowed('module mux2 (d0, d1, sel, q);\n  input [15:0] d0')).not.toContain(' =');
  });

  it('gives a node the same row whether its text was output or path: every lane decodes the same tokens', () => {
    const whole = byNames(pieces).bias('module mux2', [1], Int32Array.of(-1))!;
    const split = byNames(pieces).bias('module', [1, 1], Int32Array.of(-1, 0))!;
    expect(Array.from(split.subarray(pieces.length))).toEqual(Array.from(whole));
    const body = byNames([...pieces, ' wire', ' dd', ';']);
    // A wire declared on the path counts for the path's later nodes as it would once committed.
    const committed = body.bias(`${HEADER}  wire dd; assign q =`, [3], Int32Array.of(-1))!;
    const onPath = body.bias(`${HEADER}`, [3, 8, 9, 10], Int32Array.of(-1, 0, 1, 2));
    expect(onPath).not.toBeNull();
    expect(committed[9]).toBe(0);
  });
});
