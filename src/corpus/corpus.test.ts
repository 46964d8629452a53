import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { VerilogSyntax } from '../syntax/index.js';
import { loadSyntaxNode } from '../syntax/node.js';
import { FAMILIES, familyByName } from './families/index.js';
import { mutants } from './mutate.js';
import { iverilogAccepts, iverilogCheck, MissingToolError, simulate } from './simulate.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusTasks, designSplit, isTestCombination, makeTask, normalizeVerilog, SPLITS } from './task.js';

let syntax: VerilogSyntax;
beforeAll(async () => {
  syntax = await loadSyntaxNode();
});

describe('task families', () => {
  test('there are at least 40, with unique names, across every category', () => {
    expect(FAMILIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(FAMILIES.map((f) => f.name)).size).toBe(FAMILIES.length);
    expect(new Set(FAMILIES.map((f) => f.category))).toEqual(new Set(['combinational', 'sequential', 'fsm', 'memory', 'arithmetic', 'serial', 'arbiter']));
    expect(() => familyByName('no_such_family')).toThrow(/unknown family 'no_such_family'/);
  });

  // One task of every family, train and test side: the reference passes its
  // own testbench, and some single-point mutant of it fails (the testbench can fail).
  test.each(FAMILIES.map((f) => [f.name]))('%s: reference passes, a mutant is caught', async (name) => {
    const family = familyByName(name);
    for (const split of ['train', 'test'] as const) {
      const task = makeTask(family, 7, split);
      const verdict = await simulate(task.testbench, task.reference);
      expect(verdict.line, task.id).toMatch(/^PASS: \d+ checks/);
      // tree-sitter-verilog 1.0.0 misparses a few legal forms (`{q[2:0], 1'b0}`,
      // `b[i] = x;` in an always block), but its error recovery still lexes every token.
      expect(syntax.segment(task.reference).fragments.filter((f) => f.kind === 'error'), task.id).toEqual([]);
    }
    const task = makeTask(family, 7, 'train');
    let caught: string | undefined;
    for (const m of mutants(task.reference, syntax)) {
      const v = await simulate(task.testbench, m.code, 10_000);
      if (!v.pass && !v.line.startsWith('COMPILE')) { caught = m.change; break; }
    }
    expect(caught, `${task.id}: no mutant fails the testbench`).toBeDefined();
  });

  // A spec says whether the reset is synchronous or asynchronous; a design that resets the other
  // way computes the same after every clock edge, so only a check between the edges tells them apart.
  test('a design that resets the other way (synchronous for asynchronous, or the reverse) fails its testbench', async () => {
    const kinds = new Set<boolean>();
    for (let seed = 1; kinds.size < 2 && seed < 40; seed++) {
      const task = makeTask(familyByName('counter_up'), seed, 'train');
      const reset = task.metadata.reset!;
      if (kinds.has(reset.sync)) continue;
      kinds.add(reset.sync);
      const edge = `${reset.activeLow ? 'negedge' : 'posedge'} ${reset.name}`;
      const other = reset.sync
        ? task.reference.replace(/@\(posedge (\w+)\)/, `@(posedge $1 or ${edge})`)
        : task.reference.replace(` or ${edge}`, '');
      expect(other, task.id).not.toBe(task.reference);
      expect((await simulate(task.testbench, task.reference)).line, task.id).toMatch(/^PASS/);
      expect((await simulate(task.testbench, other)).line, `${task.id}: ${reset.sync ? 'synchronous' : 'asynchronous'} reset`).toMatch(/^FAIL: \d+ of/);
    }
    expect(kinds.size).toBe(2);
  });
});

describe('tasks', () => {
  test('are deterministic in (family, seed, split) and vary with the seed', () => {
    for (const family of FAMILIES) {
      expect(makeTask(family, 3, 'train')).toEqual(makeTask(family, 3, 'train'));
      const refs = new Set([1, 2, 3, 4, 5, 6].map((s) => makeTask(family, s, 'train').spec));
      expect(refs.size, family.name).toBeGreaterThan(1);
    }
  });

  test('the spec names the module and every port with its direction (train specs without a port list aside)', () => {
    for (const family of FAMILIES) {
      for (const split of SPLITS) {
        const task = makeTask(family, 2, split);
        expect(task.spec).toContain(task.module);
        if (task.layout === 'none') {
          expect(task.split).toBe('train');
          continue;
        }
        const header = task.reference.slice(0, task.reference.indexOf(');'));
        for (const [, name] of header.matchAll(/(?:input|output)\s+(?:wire\s+|reg\s+)?(?:signed\s+)?(?:\[[^\]]+\]\s*)?(\w+)/g)) {
          expect(task.spec, `${task.id}: port ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
        }
      }
    }
  });

  test('test tasks hold out a parameter combination or the last phrasing; train and validation use neither', () => {
    let heldOutCombinations = 0;
    let heldOutPhrasings = 0;
    for (const family of FAMILIES) {
      for (let seed = 1; seed <= 12; seed++) {
        const test = makeTask(family, seed, 'test');
        const last = test.phrasings - 1;
        const combo = isTestCombination(family.name, test.combination);
        expect(combo || test.template === last, test.id).toBe(true);
        if (combo) heldOutCombinations++;
        if (test.template === last) heldOutPhrasings++;
        for (const split of ['train', 'validation'] as const) {
          const t = makeTask(family, seed, split);
          expect(isTestCombination(family.name, t.combination), t.id).toBe(false);
          expect(t.template, t.id).toBeLessThan(last);
        }
      }
    }
    expect(heldOutCombinations).toBeGreaterThan(50);
    expect(heldOutPhrasings).toBeGreaterThan(50);
  });

  // The held-out promise: a model that recalls its training data passes no test task.
  test('no validation or test reference (whitespace-normalised) is a train reference', () => {
    const { tasks } = corpusTasks(FAMILIES, { train: 120, validation: 4, test: 12 });
    const train = new Set(tasks.filter((t) => t.split === 'train').map((t) => normalizeVerilog(t.reference)));
    const held = tasks.filter((t) => t.split !== 'train');
    expect(held.length).toBeGreaterThan(FAMILIES.length * 15);
    for (const t of held) expect(train.has(normalizeVerilog(t.reference)), t.id).toBe(false);
    // Not even in another header style or indentation: each design belongs to one split.
    for (const t of tasks) expect(designSplit(t.family, t.designKey), t.id).toBe(t.split);
  });
});

// The curve (docs/training.md) compares test-split numbers across sessions: a corpus change that moved a
// validation or test spec or reference would compare unlike with unlike (train-only changes are free).
// Change the hash only with a new baseline measured on the new tasks, and say so in docs/training.md.
test('validation and test tasks are byte for byte the ones the curve was measured on', () => {
  const { tasks } = corpusTasks(FAMILIES, { train: 0, validation: 12, test: 24 });
  const held = createHash('sha256');
  for (const t of tasks) held.update(`${t.id}\n${t.spec}\n${t.reference}\n`);
  expect(tasks.length).toBe(FAMILIES.length * 36);
  expect(held.digest('hex').slice(0, 16)).toBe('1d0bc9a6588beb22');
});

test('a machine without Icarus Verilog is an error, not a failing design', async () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    await expect(simulate('module tb; endmodule', 'module m; endmodule')).rejects.toThrow(MissingToolError);
    await expect(iverilogAccepts('module m; endmodule')).rejects.toThrow(/apt-get install iverilog/);
  } finally {
    process.env.PATH = path;
  }
});

test('a tool that itself exits 127 (a helper it could not start) is a failed check, not a missing tool', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verispec-fake-iverilog-'));
  writeFileSync(join(dir, 'iverilog'), '#!/bin/sh\necho "ivl: cannot start" >&2\nexit 127\n', { mode: 0o755 });
  const path = process.env.PATH;
  process.env.PATH = `${dir}:${path}`;
  try {
    expect(await iverilogCheck('module m; endmodule')).toEqual({ ok: false, message: 'iverilog: ivl: cannot start' });
    const verdict = await simulate('module tb; endmodule', 'module m; endmodule');
    expect(verdict.pass).toBe(false);
    expect(verdict.line).toMatch(/^COMPILE ERROR: ivl: cannot start/);
  } finally {
    process.env.PATH = path;
  }
});

test('a simulation outlives no eval: killed outright, its parent leaves no simulator running past the time limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verispec-orphan-'));
  const hang = `hang_${process.pid}_${Date.now()}`;
  writeFileSync(join(dir, 'tb.v'), 'module tb; reg x = 0; initial forever #1 x = ~x; endmodule\n');
  execFileSync('iverilog', ['-o', `${hang}.vvp`, 'tb.v'], { cwd: dir });
  // A parent that starts the simulation (3 s limit) and is killed at once, before its timer fires.
  const parent = spawnSync(process.execPath, ['--import', 'tsx', '-e',
    `import('${new URL('./simulate.ts', import.meta.url).pathname}').then((m) => { m.runTool('vvp', ['-n', '${hang}.vvp'], { timeoutMs: 2000, cwd: '${dir}' }); setTimeout(() => process.kill(process.pid, 'SIGKILL'), 800); })`],
    { cwd: process.cwd(), encoding: 'utf8' });
  expect(parent.signal).toBe('SIGKILL');
  // Processes whose command line names the simulation (from /proc: no procps needed); zombies have none.
  const running = () => readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`${hang}.vvp`); } catch { return false; }
  });
  expect(running()).not.toEqual([]); // orphaned, still running
  // Its CPU-time limit (3 s) ends it; on a busy machine that takes longer than 3 s of wall time.
  for (let waited = 0; waited < 30_000 && running().length > 0; waited += 500) await new Promise((done) => setTimeout(done, 500));
  expect(running()).toEqual([]);
}, 45_000);
