import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readReportFile, writeReportFile } from './report-file.js';

test('a report reads back as written, gzipped where its name ends in .gz', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-file-'));
  const report = { tasks: [{ id: 'mux2-test-1', code: 'module m;\nendmodule\n'.repeat(50) }], options: { source: 'test split' } };
  await writeReportFile(join(dir, 'a.json'), report);
  await writeReportFile(join(dir, 'a.json.gz'), report);
  expect(await readReportFile(join(dir, 'a.json'))).toEqual(report);
  expect(await readReportFile(join(dir, 'a.json.gz'))).toEqual(report);
  expect(readFileSync(join(dir, 'a.json.gz')).length).toBeLessThan(readFileSync(join(dir, 'a.json')).length / 4);
  writeFileSync(join(dir, 'bad.json.gz'), '{"tasks": []}');
  await expect(readReportFile(join(dir, 'bad.json.gz'))).rejects.toThrow(/cannot read the report .*bad\.json\.gz/);
  await expect(readReportFile(join(dir, 'none.json'))).rejects.toThrow(/cannot read the report .*none\.json/);
});

test('the committed reports are the shipped model\'s, on every task of their set', async () => {
  const manifest = JSON.parse(readFileSync('public/models/verispec-small/model.json', 'utf8')) as { provenance: { created: string } };
  const sets: [string, number][] = [['test', 1176], ['user', 47], ['user2', 30], ['user3', 30], ['user4', 30], ['user5', 30]];
  for (const [set, tasks] of sets) {
    const report = await readReportFile(join('eval/reports', `${set}.json.gz`)) as { model: { provenance: { created: string } }; options: { strategies: string[] }; tasks: unknown[] };
    expect(report.model.provenance.created, set).toBe(manifest.provenance.created);
    expect(report.options.strategies, set).toEqual(['syntax']);
    expect(report.tasks, set).toHaveLength(tasks);
  }
});
