import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tasksInTraining, trainingReferences } from './leak.js';
import { formatReport } from './report.js';
import type { Generation, TaskResult } from './run.js';

test('a task whose reference (whitespace aside) is a training output is found, and reported apart as recall', async () => {
  const corpus = mkdtempSync(join(tmpdir(), 'verispec-leak-'));
  writeFileSync(join(corpus, 'train.jsonl'), `${JSON.stringify({ output: 'module m(input a, output y);\n  assign y = a;\nendmodule\n' })}\n`);
  const training = await trainingReferences(corpus);
  expect(training.source).toBe(join(corpus, 'train.jsonl'));
  const tasks = [
    { id: 'seen', reference: 'module m(input a, output y);\n\tassign y = a;\nendmodule' },
    { id: 'new', reference: 'module m(input a, output y);\n  assign y = ~a;\nendmodule\n' },
    { id: 'no-reference' },
  ];
  const leaked = tasksInTraining(tasks, training);
  expect([...leaked]).toEqual(['seen']);

  const generation = (pass: boolean) => ({
    strategy: 'syntax', seed: null, code: '', tokens: 1, stop: 'eos', stats: { decodeTokensPerSecond: 1, meanAccepted: 1 },
    verdicts: { syntax: { ok: true, message: '' }, treeSitter: null, interface: { ok: pass, message: '' }, function: { ok: pass, message: '' }, synth: null },
  }) as unknown as Generation;
  const results: TaskResult[] = tasks.map((t) => ({ id: t.id, family: 'buf', spec: '', inTraining: leaked.has(t.id), generations: [generation(t.id === 'seen')] }));
  const report = formatReport(results, ['syntax']);
  expect(report).toMatch(/\| reference in the training data \(recall\) \| 1 \| 100\.0% \| 100\.0% \| 100\.0% \|/);
  expect(report).toMatch(/\| reference not in the training data \| 2 \| 100\.0% \| 0\.0% \| 0\.0% \|/);
});

test('without a corpus at hand, the synthetic train tasks are regenerated', { timeout: 120_000 }, async () => {
  const training = await trainingReferences(mkdtempSync(join(tmpdir(), 'verispec-no-corpus-')));
  expect(training.source).toMatch(/synthetic train tasks/);
  expect(training.references.size).toBeGreaterThan(40_000);
});
