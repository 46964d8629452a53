import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../corpus/families/index.js';
import { makeTask } from '../corpus/task.js';
import { DecodeConstraint } from './constraint.js';
import { advance, inExpression, mayEnd, startGrammar, type Grammar } from './grammar.js';
import { GrammarRows, grammarAfter, grammarKey } from './grammar-rows.js';
import { ModelTokenizer } from '../model/tokenizer.js';
import { NameConstraint } from './name-constraint.js';
import { specNames } from './spec-names.js';

/** Where `code` first breaks the grammar (the index of the character), or -1 where it keeps to it. */
function breaksAt(code: string): number {
  const g = startGrammar();
  for (let i = 0; i < code.length; i++) if (!advance(g, code[i]!)) return i;
  return -1;
}

const after = (code: string): Grammar => {
  const g = startGrammar();
  expect(advance(g, code)).toBe(true);
  return g;
};

const HEADER = 'module m (\n  input wire [3:0] a, b,\n  input wire [1:0] s,\n  output reg [3:0] y\n);\n';

describe('the grammar a decoder keeps to', () => {
  it('keeps to everyday Verilog: headers, assigns, always blocks, case, for, generate, instances, comments', () => {
    const code = `\`timescale 1ns/1ps
module m #(parameter W = 8, parameter D = 4) (
  input wire clk, rst_n,
  input wire [W-1:0] a, b,
  input wire [1:0] s,
  output reg [W-1:0] y,
  output wire z
);
  localparam IDLE = 2'd0, RUN = 2'd1;
  reg [7:0] mem [0:15];
  wire [W:0] sum = a + b; // a carry (and a stray paren in a comment: (
  integer i;
  genvar k;
  assign z = (s == 2'b00) ? a[0] : (s == 2'b01) ? b[0] : ^{a, b};
  assign {c, d} = {2{a[i +: 2]}};
  /* a block comment with ; and ) */
  always @(posedge clk or negedge rst_n) begin : seq
    if (!rst_n) y <= {W{1'b0}};
    else if (a >= b && a != 8'hFF) y <= a <= b ? a : b;
    else begin
      for (i = 0; i < W; i = i + 1) y[i] <= a[W-1-i];
    end
  end
  always @(*) begin
    casez (s)
      2'b1?: y = a;
      2'd0, 2'd1: y = f(a, b) === 4'bx ? 0 : 1;
      default: y = 0;
    endcase
    $display("y=%d; (", y);
  end
  generate for (k = 0; k < 4; k = k + 1) begin : g
    adder #(.W(W)) u (.a(a[k]), .b(b[k]), .s());
  end endgenerate
  function [3:0] f(input [3:0] p, input [3:0] q);
    f = p & q;
  endfunction
  initial begin #10; x = 1; end
endmodule
`;
    expect(breaksAt(code)).toBe(-1);
    expect(mayEnd(after(code))).toBe(true);
  });

  it('rules out what is wrong in every context', () => {
    const cases: [string, string][] = [
      ["assign y = (s == 2'd0", ';'], // `;` inside a parenthesis
      ['assign y = a', ')'], // nothing to close
      ['assign y = {a, b', ')'], // closes the wrong bracket
      ['assign y = s ? a : b', ':'], // a `:` with no `?`
      ['assign y = s ? a', ';'], // a `?` with no `:`
      ['assign y = a =', ' '], // two assignments (decided by the character after the `=`)
      ['assign y', ';'], // an assign with no `=`
      ['always @(*) if (sel =', ' '], // an assignment inside a condition
      ['always @(*) case (signed', ')'], // a keyword in an expression
      ['assign y = a ?', ' begin '],
      ['assign y = (w - 1)', ' q'], // two operands in a row
      ['assign y = a\n', '  endmodule\n'], // a statement not ended
    ];
    for (const [prefix, next] of cases) {
      const g = after(`${HEADER}  ${prefix}`);
      expect(advance(g, next), `${prefix} + ${JSON.stringify(next)}`).toBe(false);
    }
  });

  it('lets a comment stand anywhere, and delays be names or lists', () => {
    expect(breaksAt('module m #(\n  parameter W = 8, // width\n  parameter D = 4 // depth\n) (input a) /* ports */;\n')).toBe(-1);
    expect(breaksAt(`${HEADER}  assign y = {\n    a, // high\n    b // low\n  };\n  assign y = a /* c */;\n`)).toBe(-1);
    expect(breaksAt(`${HEADER}  always @(posedge a) y <= #TCQ b;\n  always @(posedge a) y <= #(1) b;\n`)).toBe(-1);
    expect(advance(after(`${HEADER}  assign y = (a /* c */`), ')')).toBe(true);
    expect(advance(after(`${HEADER}  assign y = (a +`), ')')).toBe(false);
  });

  it('reads operators and numbers as Verilog does', () => {
    // `=` then `=` is a comparison: a lone `=` waits for the next character.
    expect(breaksAt(`${HEADER}  assign y = a == b;`)).toBe(-1);
    expect(breaksAt(`${HEADER}  always @(*) y <= a <= b;`)).toBe(-1);
    // `?` is a digit of a based binary number; after a decimal one it is the conditional.
    expect(breaksAt(`${HEADER}  assign y = s == 2'd0? a : b;`)).toBe(-1);
    expect(breaksAt(`${HEADER}  assign y = s == 2'b0? a : b;`)).toBeGreaterThan(0);
    expect(breaksAt(`${HEADER}  assign y = a ==? 4'b1??0;`)).toBe(-1);
  });

  it('knows where keywords may stand: statements and port lists, not expressions; events take posedge and or', () => {
    expect(inExpression(after(`${HEADER}  assign y = `))).toBe(true);
    expect(inExpression(after(`${HEADER}  always @(*) if (`))).toBe(true);
    expect(inExpression(after(`${HEADER}  always @(*) `))).toBe(false);
    expect(inExpression(after('module m ('))).toBe(false);
    expect(advance(after(`${HEADER}  always @(posedge clk or negedge rst`), ')')).toBe(true);
    expect(advance(after(`${HEADER}  always @(posedge clk begin`), ' ')).toBe(false);
  });

  it('ends only where no statement or bracket is open, and the module has ended', () => {
    expect(mayEnd(after(`${HEADER}  assign y = a;\nendmodule\n`))).toBe(true);
    expect(mayEnd(after(`${HEADER}  assign y = a;\n`))).toBe(false);
    expect(mayEnd(after(`${HEADER}  assign y = a;\nendmodule`))).toBe(true);
    expect(mayEnd(after(`${HEADER}  assign y = a;\nendmod`))).toBe(false);
    expect(mayEnd(after(`${HEADER}  assign y = (a`))).toBe(false);
    expect(mayEnd(after(`${HEADER}  assign y = a`))).toBe(false);
  });

  it('lets every reference of every family through, in every split', () => {
    for (const family of FAMILIES) {
      for (const split of ['train', 'validation', 'test'] as const) {
        const task = makeTask(family, 1, split);
        const at = breaksAt(task.reference);
        expect(at, `${task.id}: ${task.reference.slice(Math.max(0, at - 80), at + 20)}`).toBe(-1);
        expect(mayEnd(after(task.reference)), task.id).toBe(true);
      }
    }
  });

  it.each([['eval/user'], ['eval/user2'], ['eval/user3'], ['eval/user4'], ['eval/user5']])('lets the references of %s through', (set) => {
    for (const dir of readdirSync(set)) {
      const code = readFileSync(join(set, dir, 'reference.v'), 'utf8');
      expect(breaksAt(code), dir).toBe(-1);
    }
  });

  it('gives states with one key the same tokens', () => {
    const pieces = [' a', 'a', ' =', '=', ' ==', ';', ')', ']', '}', ' ?', ' :', ':', ',', ' (', '(', ' [', ' {', ' begin', ' end', ' if',
      ' signed', 'ned', ' 4', "'b", "'d", '0?', '?', ' //', '\n', ' <', '<=', ' <=', ' @', '*', ' #', ' x', ' or', ' posedge', '"', ' `define'];
    const task = makeTask(FAMILIES[3]!, 1, 'test');
    const byKey = new Map<string, string>();
    for (const code of [task.reference, `${HEADER}  assign y = (s == 2'b1?) ? {a, b[1:0]} : a <= b; // x\n`]) {
      for (let cut = 0; cut <= code.length; cut++) {
        const g = after(code.slice(0, cut));
        const allowed = pieces.map((p) => (grammarAfter(g, p) ? '1' : '0')).join('');
        const key = grammarKey(g);
        expect(byKey.get(key) ?? allowed, `${key} at ${JSON.stringify(code.slice(0, cut).slice(-30))}`).toBe(allowed);
        byKey.set(key, allowed);
      }
    }
  });
});

describe('the grammar as logit bias', () => {
  it('rules out, token for token, what trying every token of the shipped vocabulary would', () => {
    const json = JSON.parse(readFileSync('train/state/tokenizer.json', 'utf8')) as object;
    const tokenizer = new ModelTokenizer(json, new Set([0, 1, 2]));
    const vocab = Array.from({ length: 2000 }, (_, id) => tokenizer.piece(id));
    const rows = new GrammarRows(vocab);
    const code = `${makeTask(FAMILIES[7]!, 2, 'test').reference}\n// tail\n/* c */ \`define X 4'b 01?\nassign y = "s;(" == 8'd0 ? a : b`;
    for (let cut = 0; cut <= code.length; cut += 3) {
      const g = after(code.slice(0, cut));
      const brute = vocab.map((piece) => (piece === '' ? mayEnd(g) : grammarAfter(g, piece) !== null));
      const row = rows.row(g);
      expect(row ? Array.from(row, (v) => v === 0) : brute.map(() => false), JSON.stringify(code.slice(0, cut).slice(-40))).toEqual(brute);
    }
  });

  const pieces = ['', ' a', ';', ')', ' signed', ' (', ' ?', ' :'];

  it('rules out the tokens that break it, and the end of output inside a statement', () => {
    const rows = new GrammarRows(pieces);
    const row = rows.row(rows.outputState(`${HEADER}  assign y = (a`)!)!;
    // Not the end of output, `;`, a second operand or a `:` with no `?`.
    expect(Array.from(row, (v) => v === 0)).toEqual([false, false, false, true, false, true, true, false]);
    const done = rows.row(rows.outputState(`${HEADER}  assign y = a;\nendmodule\n`)!)!;
    expect(done[0]).toBe(0); // the end of output
    // Not before the module's `endmodule`.
    expect(rows.row(rows.outputState(`${HEADER}  assign y = a;`)!)![0]).toBe(-Infinity);
  });

  it('rules out a token that ends in a keyword where it may not stand, not one that goes on as a name', () => {
    const vocab = [' reg', ' regs', ' signed', ' module', ' q', ' [', ' posedge'];
    const rows = new GrammarRows(vocab, false);
    const allowed = (text: string) => vocab.filter((_, id) => rows.row(rows.outputState(text)!)![id] === 0);
    // After a declaration's range or signing: a name (even one that starts as a type does), not a type.
    for (const text of ['module m (\n  output [4:0]', 'module m (\n  output signed', 'module m (a);\n  output [4:0]']) {
      expect(allowed(text), text).toEqual(expect.arrayContaining([' regs', ' q']));
      expect(allowed(text), text).not.toContain(' reg');
      expect(allowed(text), text).not.toContain(' signed');
    }
    // Where a statement begins in a block: a type declares, a signing alone does not, no module.
    expect(allowed(`${HEADER}  always @(*) begin\n   `)).toEqual([' reg', ' regs', ' q']);
    // In an expression a type word may start a name, as before.
    expect(allowed(`${HEADER}  assign y =`)).toContain(' reg');
    // An `else` only right after an `if`'s statement.
    const elses = new GrammarRows([' else', ' elsewhere', ' end'], false);
    const elseAllowed = (text: string) => [' else', ' elsewhere', ' end'].filter((_, id) => elses.row(elses.outputState(text)!)![id] === 0);
    expect(elseAllowed(`${HEADER}  always @(*) begin\n    y = a;\n   `)).toEqual([' elsewhere', ' end']);
    expect(elseAllowed(`${HEADER}  always @(*) begin\n    if (s) y = a;\n   `)).toEqual([' else', ' elsewhere', ' end']);
    // A port list holds declarations, not module items; after a range comes a name, not a direction.
    const items = new GrammarRows([' always', ' always_q', ' output', ' q'], false);
    const itemsAllowed = (text: string) => [' always', ' always_q', ' output', ' q'].filter((_, id) => items.row(items.outputState(text)!)![id] === 0);
    expect(itemsAllowed('module m (\n  output [3:0] y,\n ')).toEqual([' always_q', ' output', ' q']);
    expect(itemsAllowed('module m (\n  output [3:0]')).toEqual([' always_q', ' q']);
    // After `input`: no `reg` (an input is a net), a name that starts as one is fine.
    expect(allowed('module m (\n  input')).toEqual(expect.arrayContaining([' regs', ' signed', ' q', ' [']));
    expect(allowed('module m (\n  input')).not.toContain(' reg');
  });

  it("a decoder's rows open no comment, anywhere; read code's comments are still read", () => {
    const vocab = ['', ' a', ';', ' //', ' /*', '/', ' / 2'];
    const decoder = new GrammarRows(vocab, false);
    for (const text of [`${HEADER}  assign y = a`, `${HEADER}  assign y = a;\n`, 'module m (\n  input a']) {
      const row = decoder.row(decoder.outputState(text)!)!;
      expect(row[vocab.indexOf(' //')], text).toBe(-Infinity);
      expect(row[vocab.indexOf(' /*')], text).toBe(-Infinity);
    }
    // A division is no comment.
    expect(decoder.row(decoder.outputState(`${HEADER}  assign y = a`)!)![vocab.indexOf(' / 2')]).toBe(0);
    const reader = new GrammarRows(vocab);
    expect(reader.row(reader.outputState(`${HEADER}  assign y = a;\n`)!)![vocab.indexOf(' //')]).toBe(0);
  });

  it('joins the names: in an expression a use is a declared name, never a keyword', () => {
    const spec = 'Module m: inputs a, b (4 bits), s (2 bits); output y (4 bits).';
    const vocab = [...pieces, ' b', ' begin'];
    const constraint = new DecodeConstraint(vocab, new NameConstraint(specNames(spec), vocab), new GrammarRows(vocab));
    const bias = constraint.bias(`${HEADER}  assign y = (`, [5], Int32Array.of(-1))!;
    const allowed = vocab.filter((_, id) => bias[id] === 0);
    expect(allowed).toEqual([' a', ')', ' (', ' b']); // not ` signed`, ` begin`, `;`, ` ?` or ` :`
    // Where a statement begins, keywords are words again.
    const statement = constraint.bias(`${HEADER}  always @(*)`, [5], Int32Array.of(-1))!;
    expect(statement[vocab.indexOf(' begin')]).toBe(0);
    // But not a signing, nor (inside a block) a module: the names' row and the grammar's agree on that.
    const blockVocab = [' a', ' begin', ' signed', ' module', ' macro', ' if'];
    const inBlock = new DecodeConstraint(blockVocab, new NameConstraint(specNames(spec), blockVocab), new GrammarRows(blockVocab, false));
    const row = inBlock.bias(`${HEADER}  always @(*) begin\n   `, [0], Int32Array.of(-1))!;
    expect(blockVocab.filter((_, id) => row[id] === 0)).toEqual([' a', ' begin', ' if']);
  });
});
