import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../../bin/verispec.mjs', import.meta.url).pathname;
const TINY = new URL('../../fixtures/model-tiny', import.meta.url).pathname;
const USER_SET = new URL('../../eval/user', import.meta.url).pathname;
/** The second user-phrased set, written before the corpus learnt to name a module with its ports (docs/eval.md). */
const USER_SET_2 = new URL('../../eval/user2', import.meta.url).pathname;
/** The third user-phrased set, written blind: by someone who had not read the corpus templates, eval/user or eval/user2 (docs/eval.md). */
const USER_SET_3 = new URL('../../eval/user3', import.meta.url).pathname;
const USER_SET_4 = new URL('../../eval/user4', import.meta.url).pathname;
/** The fifth, written blind after the decoder learnt loose port lists (docs/eval.md). */
const USER_SET_5 = new URL('../../eval/user5', import.meta.url).pathname;

async function verispec(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Report {
  lanes: Record<string, { tasks: number; greedy: Record<string, number | null>; passAtK: Record<string, number>; decodeTokensPerSecond: number }>;
  tasks: { id: string; family: string; generations: { strategy: string; seed: number | null; code: string; verdicts: Record<string, { ok: boolean; message: string } | null> }[] }[];
  model: { id: string; provenance: unknown };
  machine: { cpus: number };
}

describe('verispec eval', () => {
  test('generates with each lane, checks every output and writes the report, the plot and per-family rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-eval-'));
    const json = join(dir, 'eval.json');
    const plot = join(dir, 'eval.svg');
    const { code, stdout, stderr } = await verispec('eval', '--model', TINY, '--families', 'mux2,counter_up', '--per-family', '1',
      '--strategy', 'syntax,ntp', '--samples', '2', '--max-tokens', '48', '--timeout', '5', '--json', json, '--plot', plot);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/\| syntax \| 2 \|/);
    expect(stdout).toMatch(/\| ntp \| 2 \|/);
    expect(stdout).toContain('| counter_up | 1 |');
    expect(stderr).toMatch(/2\/2 tasks, function [\d.]+% so far/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.tasks.map((t) => t.family).sort()).toEqual(['counter_up', 'mux2']);
    for (const t of report.tasks) {
      // Greedy + 2 samples for each of the two lanes, every one checked.
      expect(t.generations).toHaveLength(6);
      for (const g of t.generations) {
        expect(g.verdicts.syntax).toMatchObject({ ok: expect.any(Boolean) });
        expect(g.verdicts.interface).not.toBeNull();
        expect(g.verdicts.synth).not.toBeNull();
      }
      // Greedy lanes give one output (the invariant), so their verdicts agree.
      const greedy = t.generations.filter((g) => g.seed === null);
      expect(greedy[0]!.code).toBe(greedy[1]!.code);
    }
    expect(Object.keys(report.lanes.syntax!.passAtK)).toEqual(['pass@1']);
    expect(report.lanes.syntax!.decodeTokensPerSecond).toBeGreaterThan(0);
    expect(report.model.provenance).not.toBeNull();
    expect(readFileSync(plot, 'utf8')).toMatch(/^<svg[\s\S]*counter_up[\s\S]*<\/svg>\n$/);
    // --report renders the same tables and plot from the saved report, without a model.
    const again = await verispec('eval', '--report', json, '--plot', join(dir, 'again.svg'));
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(stdout.slice(0, stdout.indexOf('\nmost common failures')).trim());
    expect(readFileSync(join(dir, 'again.svg'), 'utf8')).toBe(readFileSync(plot, 'utf8'));
    const broken = await verispec('eval', '--report', plot);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('cannot read the report');
    // compare: a report against itself loses and gains nothing; its JSON says so.
    const paired = join(dir, 'compare.json');
    const same = await verispec('compare', json, json, '--json', paired);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/\| syntax \| 2 \| (\d) \| \1 \| 0 \| 0 \| 1\.000 \| 1\.000 \|/);
    expect(same.stdout).toContain('no significant difference');
    expect(JSON.parse(readFileSync(paired, 'utf8'))).toMatchObject({ strategy: 'syntax', regressed: [], improved: [] });
    expect((await verispec('compare', json, plot)).stderr).toContain('cannot read the report');
    expect((await verispec('compare', json)).code).toBe(2);
  });

  test.each([['eval/user', USER_SET, 40], ['eval/user2', USER_SET_2, 30], ['eval/user3', USER_SET_3, 30], ['eval/user4', USER_SET_4, 30], ['eval/user5', USER_SET_5, 30]] as const)('--references: the references of %s pass every check', async (_, set, count) => {
    const { code, stdout } = await verispec('eval', '--tasks', set, '--references');
    expect(stdout).toMatch(/^(\d+)\/\1 references pass every check/m);
    expect(code).toBe(0);
    expect(Number(/^(\d+)\//m.exec(stdout)![1])).toBeGreaterThanOrEqual(count);
  });

  test('--references fails, naming the task, when a reference does not pass its testbench', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-refs-'));
    cpSync(join(USER_SET, 'counter8'), join(dir, 'counter8'), { recursive: true });
    const reference = join(dir, 'counter8', 'reference.v');
    writeFileSync(reference, readFileSync(reference, 'utf8').replace("q + 8'd1", "q + 8'd3"));
    const { code, stdout } = await verispec('eval', '--tasks', dir, '--references', '--no-synth');
    expect(code).toBe(1);
    expect(stdout).toMatch(/counter8: function: FAIL: \d+ of \d+ checks mismatched/);
  });

  test('bad input: usage errors exit 2, a missing or malformed task folder exits 1 with the reason', async () => {
    expect((await verispec('eval', '--strategy', 'beam', '--model', TINY)).code).toBe(2);
    expect((await verispec('eval', '--samples', '-1', '--model', TINY)).code).toBe(2);
    expect((await verispec('eval', '--families', 'nope', '--model', TINY)).stderr).toContain("unknown nope");
    const both = await verispec('eval', '--tasks', USER_SET, '--per-family', '8', '--model', TINY);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--per-family picks tasks of a corpus split');
    const missing = await verispec('eval', '--tasks', '/nonexistent/tasks', '--model', TINY);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such folder: /nonexistent/tasks');
    const dir = mkdtempSync(join(tmpdir(), 'verispec-bad-'));
    cpSync(join(USER_SET, 'mux2'), join(dir, 'mux2'), { recursive: true });
    writeFileSync(join(dir, 'mux2', 'metadata.json'), '{"module": 3}');
    const bad = await verispec('eval', '--tasks', dir, '--model', TINY);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('mux2/metadata.json: expected {"module": NAME');
  });
});

describe('verispec eval --report --recheck', () => {
  // A saved report of two outputs for counter8 ("sync reset"): the reference, and one that resets asynchronously.
  function savedReport(dir: string): string {
    const reference = readFileSync(join(USER_SET, 'counter8', 'reference.v'), 'utf8');
    const output = (code: string, seed: number | null) => ({ strategy: 'syntax', seed, code, tokens: 60, stop: 'eos', decodeTokensPerSecond: 100, meanAccepted: 2, steps: 30,
      verdicts: Object.fromEntries(['syntax', 'treeSitter', 'interface', 'function', 'synth'].map((c) => [c, { ok: true, message: '' }])) });
    const report = { model: { id: 'm' }, options: { source: join(dir, 'tasks'), strategies: ['syntax'] }, lanes: {}, families: {},
      tasks: [{ id: 'counter8', family: 'counter8', spec: 'counter8', generations: [output(reference.replace('@(posedge clk)', '@(posedge clk or posedge rst)'), null), output(reference, 7)] }] };
    cpSync(join(USER_SET, 'counter8'), join(dir, 'tasks', 'counter8'), { recursive: true });
    writeFileSync(join(dir, 'saved.json'), JSON.stringify(report));
    return join(dir, 'saved.json');
  }

  test('checks a saved report\'s outputs again against the tasks as they are now, without a model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-recheck-'));
    const saved = savedReport(dir);
    const { code, stdout, stderr } = await verispec('eval', '--report', saved, '--recheck', '--no-synth', '--json', join(dir, 'again.json'));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/\| syntax \| 1 \| 100\.0% \| 100\.0% \| 0\.0% \|/);
    const again = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as Report & { rechecked: string };
    const [greedy, sample] = again.tasks[0]!.generations;
    expect(greedy!.verdicts.function!.ok).toBe(false);
    expect(greedy!.verdicts.function!.message).toMatch(/^FAIL: \d+ of \d+ checks mismatched/);
    expect(sample!.verdicts.function!.ok).toBe(true);
    expect(again.lanes.syntax!.greedy.function).toBe(0);
    expect(Date.parse(again.rechecked)).not.toBeNaN();
  });

  test('names what it cannot recheck: no report, or a task its folder no longer holds', async () => {
    const alone = await verispec('eval', '--recheck');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--recheck checks the outputs of a saved report');
    const dir = mkdtempSync(join(tmpdir(), 'verispec-recheck-'));
    const saved = savedReport(dir);
    rmSync(join(dir, 'tasks', 'counter8'), { recursive: true });
    cpSync(join(USER_SET, 'mux2'), join(dir, 'tasks', 'mux2'), { recursive: true });
    const gone = await verispec('eval', '--report', saved, '--recheck');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('no longer holds counter8');
  });
});

describe('verispec testbench', () => {
  test.each([['eval/user', USER_SET], ['eval/user2', USER_SET_2], ['eval/user3', USER_SET_3], ['eval/user4', USER_SET_4], ['eval/user5', USER_SET_5]] as const)('the committed user set %s is exactly what the command writes', async (_, set) => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-user-'));
    cpSync(set, dir, { recursive: true });
    const tasks = readdirSync(dir);
    for (const t of tasks) for (const f of ['testbench.v', 'run.sh']) rmSync(join(dir, t, f));
    const { code, stderr } = await verispec('testbench', ...tasks.map((t) => join(dir, t)));
    expect(code, stderr).toBe(0);
    for (const t of tasks) {
      for (const f of ['testbench.v', 'metadata.json', 'run.sh']) expect(readFileSync(join(dir, t, f), 'utf8'), `${t}/${f}`).toBe(readFileSync(join(set, t, f), 'utf8'));
    }
  });

  test('a hand-written task gets a testbench that passes its reference; bad hints are named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verispec-own-'));
    writeFileSync(join(dir, 'spec.txt'), 'xor gate x2 (a, b, y)\n');
    writeFileSync(join(dir, 'reference.v'), 'module x2(input a, input b, output y);\n  assign y = a ^ b;\nendmodule\n');
    writeFileSync(join(dir, 'metadata.json'), '{}\n');
    const { code, stdout } = await verispec('testbench', dir);
    expect(code).toBe(0);
    expect(stdout).toContain('x2 (3 ports)');
    const sim = await run('sh', [join(dir, 'run.sh')]);
    expect(sim.stdout).toMatch(/^PASS: \d+ checks/m);
    writeFileSync(join(dir, 'metadata.json'), '{"clock": "clk", "reset": {"name": "rst", "activeLow": false, "sync": true}}\n');
    const bad = await verispec('testbench', dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('clk is not an input of x2');
  });
});
