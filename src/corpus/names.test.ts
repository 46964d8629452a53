import { describe, expect, test } from 'vitest';
import { FAMILIES } from './families/index.js';
import { identifiersOf, renameInCode, renameInProse } from './names.js';
import { simulate } from './simulate.js';
import { HELD_OUT_LAYOUT, LAYOUTS, TRAIN_ONLY } from './spec.js';
import { makeTask, SPLITS, type Task } from './task.js';

describe('renaming', () => {
  test('code: identifier tokens only, never inside sized numbers, strings or system names', () => {
    const code = "assign d0 = b1 ? 4'd0 : 2'b1; // d0\ninitial $display(\"d0\"); wire [W-1:0] x = {d0, 8'hd0};";
    const out = renameInCode(code, new Map([['d0', 'alpha'], ['b1', 'beta'], ['W', 'WIDTH_Q'], ['display', 'no']]));
    expect(out).toBe("assign alpha = beta ? 4'd0 : 2'b1; // d0\ninitial $display(\"d0\"); wire [WIDTH_Q-1:0] x = {alpha, 8'hd0};");
    expect([...identifiersOf(code)].sort()).toEqual(['W', 'b1', 'd0', 'x']);
  });

  test('prose: whole words only', () => {
    const map = new Map([['sel', 'pick'], ['y', 'out_o']]);
    expect(renameInProse('y is a when sel=0; sel_n and y[3] and yes.', map)).toBe('out_o is a when pick=0; sel_n and out_o[3] and yes.');
  });

  test('renamed tasks of every family: fresh names in spec and code alike, and the reference passes its testbench', async () => {
    let renamedModules = 0;
    const checked: Task[] = [];
    for (const family of FAMILIES) {
      const usual = new Set(Array.from({ length: 30 }, (_, i) => makeTask(family, i + 1)).filter((t) => !t.renamed).map((t) => t.module));
      const task = Array.from({ length: 30 }, (_, i) => makeTask(family, i + 1, 'test')).find((t) => t.renamed);
      expect(task, `${family.name}: no renamed task in 30 seeds`).toBeDefined();
      checked.push(task!);
      if (!usual.has(task!.module)) renamedModules++;
      expect(task!.spec).toContain(task!.module);
      for (const p of task!.metadata.ports) expect(task!.spec, `${task!.id}: ${p.name}`).toMatch(new RegExp(`(?<![\\w$])${p.name}(?![\\w$])`));
    }
    expect(renamedModules).toBeGreaterThan(FAMILIES.length / 2);
    for (const task of checked) {
      const verdict = await simulate(task.testbench, task.reference);
      expect(verdict.line, task.id).toMatch(/^PASS/);
    }
  });

  test('about half the tasks are renamed, in every split', () => {
    for (const split of SPLITS) {
      const tasks = FAMILIES.flatMap((f) => [1, 2, 3, 4].map((s) => makeTask(f, s, split)));
      const share = tasks.filter((t) => t.renamed).length / tasks.length;
      expect(share, split).toBeGreaterThan(0.35);
      expect(share, split).toBeLessThan(0.65);
    }
  });
});

test('the held-out layout appears in test tasks only, the train-only layouts in train tasks only, and every train layout is used', () => {
  const layouts = (split: 'train' | 'validation' | 'test') => FAMILIES.flatMap((f) => [1, 2, 3, 4, 5, 6].map((s) => makeTask(f, s, split).layout));
  const train = new Set(layouts('train'));
  expect(train.has(HELD_OUT_LAYOUT)).toBe(false);
  expect([...train].sort()).toEqual(LAYOUTS.filter((l) => l !== HELD_OUT_LAYOUT).sort());
  const test = layouts('test');
  expect(test.filter((l) => l === HELD_OUT_LAYOUT).length).toBeGreaterThan(test.length / 4);
  for (const l of TRAIN_ONLY) {
    expect(test).not.toContain(l);
    expect(layouts('validation')).not.toContain(l);
  }
});

// People name a module with its port list ("dec: input [2:0] a, ..." or "dec(a[2:0], y[7:0])") or as
// the subject of a sentence ("acc is a 16-bit accumulator"); a model that only ever saw "module dec"
// takes a noun of the prose for the name.
test('train specs also name the module with its ports or as the subject, and then with no naming intro', () => {
  const tasks = FAMILIES.flatMap((f) => [1, 2, 3, 4, 5, 6, 7, 8].map((s) => makeTask(f, s, 'train')));
  const intro = (t: Task) => new RegExp(`(named|called|module|Design) \\\`?${t.module}\\b|^${t.module}:$`, 'm').test(t.spec);
  const withPorts = tasks.filter((t) => t.layout === 'named-ports' || t.layout === 'signature');
  expect(withPorts.length).toBeGreaterThan(tasks.length / 10);
  for (const t of withPorts) {
    expect(t.spec, t.id).toContain(t.layout === 'signature' ? `${t.module}(` : `${t.module}: `);
    expect(intro(t), t.id).toBe(false);
  }
  const subjects = tasks.filter((t) => !withPorts.includes(t) && new RegExp(`(^|\\s)${t.module}( is an? |: | [-\u2013\u2014] )`).test(t.spec) && !intro(t));
  expect(subjects.length).toBeGreaterThan(tasks.length / 20);
});

// "... Call it bitmux8." or "Module: prbs7." as the last line: a model that only saw the name first
// writes `module` and a word of the behaviour.
test('some train specs name the module only at the end, and validation and test specs never do', () => {
  const namedLast = (t: Task) => {
    const first = t.spec.search(new RegExp(`(?<![\\w$])${t.module}(?![\\w$])`));
    return first > 0 && first > t.spec.length - 50 && t.spec.trimEnd().length - first < 50;
  };
  const train = FAMILIES.flatMap((f) => [1, 2, 3, 4, 5, 6, 7, 8].map((s) => makeTask(f, s, 'train')));
  expect(train.filter(namedLast).length).toBeGreaterThan(train.length / 20);
  for (const split of ['validation', 'test'] as const) {
    const held = FAMILIES.flatMap((f) => [1, 2, 3, 4].map((s) => makeTask(f, s, split)));
    expect(held.filter(namedLast), split).toEqual([]);
  }
});

// People also give ports in running prose ("a and b come in, 8 bits each", "sel is the 2-bit input");
// the held-out test layout is prose too, in other words ("The module has a 1-bit input ...").
test('train specs with ports in prose name every port with its width, in other words than the held-out layout', () => {
  const tasks = FAMILIES.flatMap((f) => [1, 2, 3, 4, 5, 6, 7, 8].map((s) => makeTask(f, s, 'train'))).filter((t) => t.layout === 'prose');
  expect(tasks.length).toBeGreaterThan(FAMILIES.length / 2);
  for (const t of tasks) {
    for (const p of t.metadata.ports) expect(t.spec, `${t.id}: ${p.name}`).toMatch(new RegExp(`(^|[^\\w$])${p.name.replace(/\$/g, '\\$')}([^\\w$]|$)`));
    expect(t.spec, t.id).toMatch(/\d+[- ]bits?\b|\bbits? each\b|\[\d+:0\] (in|out)\b/);
    expect(t.spec, t.id).not.toContain('The module has ');
  }
});
