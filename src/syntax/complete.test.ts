import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CompletenessChecker, VerilogSyntax } from './index.js';
import { loadSyntaxNode } from './node.js';

let syntax: VerilogSyntax;
let checker: CompletenessChecker;
beforeAll(async () => {
  syntax = await loadSyntaxNode();
  checker = syntax.completeness();
});
afterAll(() => checker.dispose());

const HEAD = 'module m(input clk, input a, input b, output reg q);\n  always @(';

describe('completeAt', () => {
  test('an identifier cut as pos|edge is incomplete, with or without the rest known', () => {
    expect(checker.completeAt(HEAD, 'pos')).toEqual({ lastComplete: 0, endComplete: false });
    expect(checker.completeAt(HEAD, 'pos', { lookahead: 'edge' })).toEqual({ lastComplete: 0, endComplete: false });
    expect(checker.completeAt(HEAD, 'posedge', { lookahead: ' clk' })).toEqual({ lastComplete: 7, endComplete: true });
  });

  test('q <|= is incomplete; q <= is complete', () => {
    const head = `${HEAD}posedge clk) q `;
    expect(checker.completeAt(head, '<', { lookahead: '=' }).endComplete).toBe(false);
    expect(checker.completeAt(head, '<').endComplete).toBe(false); // `<` may still grow
    expect(checker.completeAt(head, '<=', { lookahead: ' a' }).endComplete).toBe(true);
    expect(checker.completeAt(head, '<=').endComplete).toBe(true); // no longer token starts with `<=`
  });

  test('cuts at token ends: the last one outside every fragment wins', () => {
    const cont = ' posedge clk)';
    // token ends: " pos" | "edge" | " clk" | ")"
    expect(checker.completeAt(HEAD, cont, { cuts: [4, 8, 12, 13] })).toEqual({ lastComplete: 13, endComplete: true });
    expect(checker.completeAt(HEAD, ' posedge cl', { cuts: [4, 8, 11] })).toEqual({ lastComplete: 8, endComplete: false });
    expect(checker.completeAt(HEAD, ' pos', { cuts: [4] })).toEqual({ lastComplete: 0, endComplete: false });
  });

  test('a fragment begun in the committed text is finished in the continuation', () => {
    expect(checker.completeAt(`${HEAD}pos`, 'edge clk', { cuts: [1, 4, 8] }).lastComplete).toBe(4);
  });

  test('an empty continuation is judged by what the committed text ends with', () => {
    expect(checker.completeAt(`${HEAD}posedge clk) q <`, '').endComplete).toBe(false);
    expect(checker.completeAt(`${HEAD}posedge clk) q <= a;`, '').endComplete).toBe(true);
  });

  test('numbers grow until something else follows', () => {
    const head = `${HEAD}posedge clk) q <= `;
    expect(checker.completeAt(head, "8'h").endComplete).toBe(false);
    expect(checker.completeAt(head, "8'hF").endComplete).toBe(false);
    expect(checker.completeAt(head, "8'hFF;").endComplete).toBe(true);
    expect(checker.completeAt(head, "8'hFF", { lookahead: ';' })).toEqual({ lastComplete: 5, endComplete: true });
  });

  test('comments and strings', () => {
    const head = `${HEAD}posedge clk) q <= a; `;
    expect(checker.completeAt(head, '// note').endComplete).toBe(false);
    expect(checker.completeAt(head, '// note  ').endComplete).toBe(false);
    expect(checker.completeAt(head, '// note', { lookahead: '\n' }).endComplete).toBe(true);
    expect(checker.completeAt(head, '// note\n').endComplete).toBe(true);
    expect(checker.completeAt(head, '/* note */').endComplete).toBe(true);
    const inInitial = 'module m; initial $display(';
    expect(checker.completeAt(inInitial, '"done').endComplete).toBe(false);
    expect(checker.completeAt(inInitial, '"done"').endComplete).toBe(true);
  });

  test('closing punctuation is complete, opening may grow', () => {
    expect(checker.completeAt('module m', ';').endComplete).toBe(true);
    expect(checker.completeAt('module m', '(').endComplete).toBe(false); // `(*` exists
    expect(checker.completeAt('module m', '(', { lookahead: 'input' }).endComplete).toBe(true);
  });

  test('incremental re-parsing answers exactly as a fresh parse does', () => {
    const code = readFileSync('/usr/share/yosys/simlib.v', 'utf8').slice(0, 6000);
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let committed = 0;
    let checked = 0;
    while (committed < code.length - 40) {
      const contLength = 1 + rand(30);
      const cont = code.slice(committed, committed + contLength);
      const lookahead = rand(3) === 0 ? '' : code.slice(committed + contLength, committed + contLength + 1 + rand(4));
      const cuts = Array.from({ length: contLength }, (_, i) => i + 1).filter(() => rand(3) === 0);
      const options = { cuts, lookahead };
      const fresh = syntax.completeness();
      try {
        expect(checker.completeAt(code.slice(0, committed), cont, options))
          .toEqual(fresh.completeAt(code.slice(0, committed), cont, options));
      } finally {
        fresh.dispose();
      }
      // Now and then a rejected continuation: a different text after the same prefix.
      if (rand(4) === 0) checker.completeAt(code.slice(0, committed), 'xyz <= 1;');
      committed += 1 + rand(contLength);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});
