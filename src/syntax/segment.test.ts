import { beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Fragment, VerilogSyntax } from './index.js';
import { loadSyntaxNode } from './node.js';

let syntax: VerilogSyntax;
beforeAll(async () => {
  syntax = await loadSyntaxNode();
});

/** [text, kind] pairs of a snippet, in order. */
function lexemes(code: string): [string, string][] {
  return syntax.segment(code).fragments.map((f) => [code.slice(f.start, f.end), f.kind]);
}

/** What breaks the tiling: overlaps, disorder, non-space text outside fragments, whitespace at a fragment's edge. */
function tilingProblems(code: string, fragments: readonly Fragment[]): string[] {
  const problems: string[] = [];
  let pos = 0;
  let rebuilt = '';
  for (const f of fragments) {
    if (f.start < pos) problems.push(`fragment at ${f.start} overlaps or is out of order`);
    if (f.end <= f.start) problems.push(`empty fragment at ${f.start}`);
    const gap = code.slice(pos, Math.max(pos, f.start));
    if (/\S/.test(gap)) problems.push(`uncovered text ${JSON.stringify(gap.slice(0, 40))} at ${pos}`);
    const text = code.slice(f.start, f.end);
    if (/^\s|\s$/.test(text)) problems.push(`fragment ${JSON.stringify(text)} has whitespace at an edge`);
    rebuilt += gap + text;
    pos = Math.max(pos, f.end);
  }
  const tail = code.slice(pos);
  if (/\S/.test(tail)) problems.push(`uncovered tail ${JSON.stringify(tail.slice(0, 40))}`);
  if (rebuilt + tail !== code) problems.push('fragments and whitespace do not give the text back');
  return problems;
}

describe('fragment kinds', () => {
  test('keywords, identifiers and punctuation', () => {
    expect(lexemes('module top(input clk, output [3:0] q); endmodule')).toEqual([
      ['module', 'keyword'], ['top', 'identifier'], ['(', 'punctuation'], ['input', 'keyword'],
      ['clk', 'identifier'], [',', 'punctuation'], ['output', 'keyword'], ['[', 'punctuation'],
      ['3', 'number'], [':', 'punctuation'], ['0', 'number'], [']', 'punctuation'], ['q', 'identifier'],
      [')', 'punctuation'], [';', 'punctuation'], ['endmodule', 'keyword'],
    ]);
  });

  test.each([
    ["8'hFF"], ["'b1010"], ["32'd0"], ["4'sb1x0z"], ["12'o777"], ['3.5e2'], ['1.25'], ['42'], ["'0"], ["'x"],
  ])('number %s is one fragment', (literal) => {
    const code = `module m; assign a = ${literal}; endmodule`;
    expect(lexemes(code)).toContainEqual([literal, 'number']);
    expect(syntax.segment(code).errors).toEqual([]);
  });

  test('a time literal is one number; # and @ are punctuation', () => {
    expect(lexemes('module m; initial begin #10ns; @(posedge c) x = 1; end endmodule')).toEqual(expect.arrayContaining([
      ['#', 'punctuation'], ['10ns', 'number'], ['@', 'punctuation'], ['posedge', 'keyword'],
    ]));
  });

  test('strings, with escapes, are one fragment; system tasks are one', () => {
    const code = 'module m; initial $display("a = %d\\n \\"q\\"", a); endmodule';
    expect(lexemes(code)).toEqual(expect.arrayContaining([
      ['$display', 'system'], ['"a = %d\\n \\"q\\""', 'string'],
    ]));
  });

  test('compiler directives and macro usages', () => {
    const code = '`timescale 1ns/1ps\n`define WIDTH 8\nmodule m(input [`WIDTH-1:0] a); endmodule\n';
    const got = lexemes(code);
    expect(got).toEqual(expect.arrayContaining([
      ['`timescale', 'directive'], ['1ns', 'number'], ['/', 'operator'], ['1ps', 'number'],
      ['`define', 'directive'], ['WIDTH', 'identifier'], ['8', 'macro'], ['`WIDTH', 'macro'],
    ]));
  });

  test('escaped identifiers and attributes', () => {
    const code = 'module m; (* keep = 1 *) wire \\bus[0] ; endmodule';
    expect(lexemes(code)).toEqual(expect.arrayContaining([
      ['(*', 'attribute'], ['keep', 'identifier'], ['*)', 'attribute'], ['\\bus[0]', 'identifier'],
    ]));
  });

  test('comments are one fragment each, line and block', () => {
    const code = '// top level\nmodule m; /* a\n  multi-line note */ endmodule // done';
    expect(lexemes(code).filter(([, k]) => k === 'comment').map(([t]) => t)).toEqual([
      '// top level', '/* a\n  multi-line note */', '// done',
    ]);
  });

  test.each([['<='], ['==='], ['!=='], ['<<<'], ['>>>'], ['&&'], ['||'], ['~^'], ['**'], ['!=']])(
    'multi-character operator %s is one fragment',
    (op) => {
      expect(lexemes(`module m; assign x = a ${op} b; endmodule`)).toContainEqual([op, 'operator']);
    },
  );

  test('indexed part select +: and -> event trigger', () => {
    expect(lexemes('module m; assign x = b[i+:4]; initial -> ev; endmodule')).toEqual(expect.arrayContaining([
      ['+:', 'operator'], ['->', 'operator'],
    ]));
  });

  test('non-blocking assignment versus less-or-equal', () => {
    const got = lexemes('module m; always @(posedge c) q <= (a <= b); endmodule');
    expect(got.filter(([t]) => t === '<=').length).toBe(2);
  });

  test('offsets are string indices even after non-ASCII text', () => {
    const code = '// größe ✓\nmodule m; endmodule';
    const f = syntax.segment(code).fragments;
    expect(code.slice(f[1]!.start, f[1]!.end)).toBe('module');
    expect(tilingProblems(code, f)).toEqual([]);
  });
});

describe('code that does not parse', () => {
  test('recovery still gives fragments, error text is of kind error, errors are reported', () => {
    const code = 'module m(input a);\n  assign y = a §§ b;\n  wire w\nendmodule\n';
    const { fragments, errors } = syntax.segment(code);
    expect(tilingProblems(code, fragments)).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    const got = fragments.map((f) => [code.slice(f.start, f.end), f.kind]);
    expect(got).toContainEqual(['§', 'error']);
    expect(got).toContainEqual(['assign', 'keyword']);
    expect(got).toContainEqual(['endmodule', 'keyword']);
  });

  test('a half-written module still tiles', () => {
    const code = 'module counter(input clk, output reg [7:0] q);\n  always @(posedge clk) begin\n    q <= q + 8\'';
    expect(tilingProblems(code, syntax.segment(code).fragments)).toEqual([]);
  });

  test('garbage tiles too', () => {
    const code = '@@@ ))) ;;; "unterminated \n \\ ` `` 8\'h \u0000 end';
    const { fragments, errors } = syntax.segment(code);
    expect(tilingProblems(code, fragments)).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
  });

  test('diagnostics give 1-based lines and columns', () => {
    const code = 'module m;\n  assign = ;\nendmodule\n';
    const d = syntax.diagnostics(code);
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.line).toBe(2);
    expect(d[0]!.column).toBeGreaterThanOrEqual(3);
    expect(d[0]!.message).toMatch(/^syntax error/);
    expect(syntax.diagnostics('module m; endmodule\n')).toEqual([]);
  });
});

/** Every Verilog file that Debian's yosys, verilator and iverilog packages install. */
function debianVerilogFiles(): string[] {
  const listing = execFileSync('dpkg', ['-L', 'yosys', 'verilator', 'iverilog'], { encoding: 'utf8' });
  return listing.split('\n').filter((f) => /\.(v|vl|sv|vh|svh)$/.test(f));
}

describe('real RTL from Debian packages', () => {
  test('every file tiles: in order, no overlap, every non-space character once, text recoverable', () => {
    const files = debianVerilogFiles();
    // yosys alone ships ~150 techlib/simulation models; fewer means the packages are missing.
    expect(files.length).toBeGreaterThan(150);
    let fragments = 0;
    const failures: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const s = syntax.segment(code);
      fragments += s.fragments.length;
      const problems = tilingProblems(code, s.fragments);
      if (problems.length) failures.push(`${file}: ${problems.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(fragments).toBeGreaterThan(100_000);
    console.log(`segmenter: ${files.length} Debian files, ${fragments} fragments tiled`);
  });
});
