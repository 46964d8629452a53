import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { VerilogSyntax } from '../../syntax/index.js';
import { loadSyntaxNode } from '../../syntax/node.js';
import { codePointIndex, fragmentSpans } from '../annotate.js';
import { COMPLETE_MODULE_INSTRUCTION } from '../example.js';
import { licenceOf, parseCopyright } from './copyright.js';
import type { SourceFile } from './debian.js';
import { modulePairs } from './pairs.js';

let syntax: VerilogSyntax;
beforeAll(async () => {
  syntax = await loadSyntaxNode();
});

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: demo

Files: *
Copyright: 2020 Someone
License: ISC

Files: techlibs/*.v
       extra/one.sv
Copyright: 2021 Other
License: MIT
 Permission is hereby granted...
 .
 More text.

Files: techlibs/legacy_?.v
License: GPL-2+
`;

describe('DEP-5 copyright', () => {
  test('the last matching stanza gives the licence; * and ? are globs', () => {
    const rules = parseCopyright(DEP5);
    expect(rules.map((r) => r.licence)).toEqual(['ISC', 'MIT', 'GPL-2+']);
    expect(licenceOf(rules, 'src/top.v')).toBe('ISC');
    expect(licenceOf(rules, 'techlibs/cells.v')).toBe('MIT');
    expect(licenceOf(rules, 'techlibs/deep/cells.v')).toBe('MIT');
    expect(licenceOf(rules, 'extra/one.sv')).toBe('MIT');
    expect(licenceOf(rules, 'techlibs/legacy_a.v')).toBe('GPL-2+');
    expect(licenceOf(rules, 'techlibs/legacy_ab.v')).toBe('MIT');
    expect(licenceOf(parseCopyright('Format: x\n'), 'a.v')).toBeUndefined();
  });

  test("reads the installed yosys package's copyright file", () => {
    const rules = parseCopyright(readFileSync('/usr/share/doc/yosys/copyright', 'utf8'));
    expect(licenceOf(rules, 'techlibs/common/simlib.v')).toBe('ISC');
  });
});

describe('fragment annotation', () => {
  test('spans are relative to the output and in code points', () => {
    const text = "// \u{1F600} header\nmodule m; wire a;\nendmodule";
    const from = text.indexOf('wire');
    const { spans, kinds } = fragmentSpans(syntax, text, from);
    const cps = Array.from(text.slice(from));
    const pieces = [];
    for (let i = 0; i < spans.length; i += 2) pieces.push(cps.slice(spans[i], spans[i + 1]).join(''));
    expect(pieces).toEqual(['wire', 'a', ';', 'endmodule']);
    expect(kinds).toEqual({ keyword: 2, identifier: 1, punctuation: 1 });
  });

  test('code point index counts a surrogate pair once', () => {
    const at = codePointIndex('a\u{1F600}b');
    expect([0, 1, 3, 4].map(at)).toEqual([0, 1, 2, 3]);
    expect(codePointIndex('plain')(3)).toBe(3);
  });
});

describe('module pairs', () => {
  const file = (text: string): SourceFile => ({ package: 'demo', version: '1', origin: 'source', path: 'rtl/demo.v', licence: 'ISC', text });

  test('comments and header become the input, the rest the output, with provenance', async () => {
    const text = [
      '// Licence banner, separated by a blank line.',
      '',
      '// A 2-input AND gate.',
      'module and2(input a, input b, output y);',
      '  assign y = a & b;',
      'endmodule',
      '',
      'module broken(input a; output y);',
      '  assign y = ;',
      'endmodule',
      '',
      '`define ONE 1\'b1',
      'module inv(input a, output y);',
      '  assign y = a ^ `ONE;',
      'endmodule',
      '',
      'module elab_error(input a, output y);',
      '  assign y = undeclared_signal;',
      'endmodule',
      '',
    ].join('\n');
    const { examples, stats } = await modulePairs([file(text)], syntax, () => {});
    expect(stats.modules).toBe(4);
    expect(stats.dropped.treeSitterError).toBe(1);
    expect(stats.dropped.iverilogRejects).toBe(1);
    expect(examples.map((e) => e.meta.module)).toEqual(['and2', 'inv']);
    const [and2] = examples;
    expect(and2!.instruction).toBe(COMPLETE_MODULE_INSTRUCTION);
    expect(and2!.input).toBe('// A 2-input AND gate.\nmodule and2(input a, input b, output y);');
    expect(and2!.output).toBe('  assign y = a & b;\nendmodule');
    expect(and2!.meta).toMatchObject({ package: 'demo', origin: 'source', path: 'rtl/demo.v', licence: 'ISC' });
    expect(and2!.fragments.slice(0, 2)).toEqual([2, 8]);
  });
});
