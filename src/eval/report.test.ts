import { expect, test } from 'vitest';
import { failureGist, formatReport, summarizeByVariant, syntaxFailureKind, syntaxFailures } from './report.js';
import type { Generation, TaskResult } from './run.js';

const verdict = (ok: boolean) => ({ ok, message: ok ? 'ok' : 'no' });

function result(id: string, renamed: boolean | undefined, layout: string, pass: boolean): TaskResult {
  const generation = {
    strategy: 'syntax', seed: null, code: 'module m; endmodule', tokens: 5, stop: 'eos',
    stats: { decodeTokensPerSecond: 100, meanAccepted: 2 },
    verdicts: { syntax: verdict(true), treeSitter: verdict(true), interface: verdict(pass), function: verdict(pass), synth: verdict(true) },
  } as unknown as Generation;
  return { id, family: 'mux2', ...(renamed === undefined ? {} : { variant: { renamed, layout } }), spec: '', generations: [generation] };
}

test('results split by how the spec was written: usual against renamed names, trained against held-out layout', () => {
  const results = [
    result('a', false, 'bullets', true), result('b', false, 'sentence', true),
    result('c', true, 'table', false), result('d', true, 'sentence', true), result('e', undefined, '', false),
  ];
  const groups = summarizeByVariant(results, 'syntax');
  expect([...groups.keys()]).toEqual(['usual names', 'renamed', 'trained layouts', 'held-out layout (sentence)']);
  expect(groups.get('usual names')!.greedy.function).toBe(1);
  expect(groups.get('renamed')!.greedy.function).toBe(0.5);
  expect(groups.get('trained layouts')!.tasks).toBe(2);
  expect(formatReport(results, ['syntax'])).toMatch(/by how the spec is written[\s\S]*\| renamed \| 2 \| 100\.0% \| 50\.0% \| 50\.0% \|/);
  // Task folders without a variant (a user's benchmark) get no such table.
  expect(formatReport([results[4]!], ['syntax'])).not.toContain('by how the spec');
});

test('a failure cause counts once whatever the names and numbers in its message', () => {
  expect(failureGist('no module named edge_detector (found edge_detect)')).toBe('no module named NAME (found ...');
  expect(failureGist('no module named mux2 (found mux2to1)')).toBe(failureGist('no module named twisted_ring (found johnson_counter)'));
  expect(failureGist('port clk_i is missing (ports: clk, rst)')).toBe('port NAME is missing (ports: ...');
  expect(failureGist("iverilog: line 7: error: 'busy' has already been declared in this scope.")).toBe(failureGist("iverilog: line 12: error: 'd' has already been declared in this scope."));
  expect(failureGist('iverilog: line 9: syntax error')).toBe('iverilog: line N: syntax error');
  expect(failureGist('iverilog: line 4: en definition conflicts with definition at design.v:2.')).toBe(failureGist('iverilog: line 9: tx definition conflicts with definition at design.v:3.'));
  expect(failureGist('iverilog: line 4: en definition conflicts')).toBe('iverilog: line N: NAME definition conflicts');
});

test('syntax failures are told apart by what the grammar says of the code', () => {
  const failing = (code: string, stop: 'eos' | 'max-tokens') => {
    const r = result(code, undefined, '', false);
    Object.assign(r.generations[0]!, { code, stop, verdicts: { ...r.generations[0]!.verdicts, syntax: verdict(false) } });
    return r;
  };
  expect(syntaxFailureKind({ code: 'module m(input a, output y);\n  assign y = b;\nendmodule\n', stop: 'eos' })).toBe('grammar accepts');
  expect(syntaxFailureKind({ code: 'module m(input a, output y);\n  assign y = a);\nendmodule\n', stop: 'eos' })).toBe('grammar broken');
  expect(syntaxFailureKind({ code: 'module m(input a, output y);\n  assign y = (a', stop: 'eos' })).toBe('grammar unfinished');
  expect(syntaxFailureKind({ code: 'module m(input a, output y);\n  assign y = (a', stop: 'max-tokens' })).toBe('hit token limit');
  const results = [
    failing('module m; assign y = a); endmodule', 'eos'), failing('module m; assign y = a); endmodule', 'eos'),
    failing('module m; assign y = b; endmodule', 'eos'), result('ok', undefined, '', true),
  ];
  expect(syntaxFailures(results, 'syntax')).toEqual([['grammar broken', 2], ['grammar accepts', 1]]);
  expect(syntaxFailures(results, 'medusa')).toEqual([]);
});
