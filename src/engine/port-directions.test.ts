import { describe, expect, it } from 'vitest';
import { splitTasks } from '../eval/tasks.js';
import { portDirections } from './port-directions.js';
import { specNames } from './spec-names.js';

describe('portDirections', () => {
  it('reads declarations, notes, tables and lists, in the ways specs give them', () => {
    expect([...portDirections('mux2:\nin: d0[16], d1[16], sel; out: q[16]')]).toEqual([['d0', 'input'], ['d1', 'input'], ['sel', 'input'], ['q', 'output']]);
    expect([...portDirections('module cmp8 (input [7:0] a, b, output eq, gt, lt)')])
      .toEqual([['a', 'input'], ['b', 'input'], ['eq', 'output'], ['gt', 'output'], ['lt', 'output']]);
    expect([...portDirections('The module has a 44-bit input a (input chosen when the select is 0), a 1-bit input s (select) and a 8-bit (by default) output y (the count).')])
      .toEqual([['a', 'input'], ['s', 'input'], ['y', 'output']]);
    expect([...portDirections('Ports:\n- input [7:0] din: data\n* output valid\n| q | output | 8 | result |')])
      .toEqual([['din', 'input'], ['valid', 'output'], ['q', 'output']]);
    expect([...portDirections('Inputs: clk (1 bit, clock; rising edge), a (signed 8 bits, (two\'s complement) operand).\nOutputs: y (8 bits, sum).')])
      .toEqual([['clk', 'input'], ['a', 'input'], ['y', 'output']]);
    expect([...portDirections('din (input, 8 bits) and dout (8 bits, output)')]).toEqual([['din', 'input'], ['dout', 'output']]);
  });

  it('takes no prose for a declaration', () => {
    for (const prose of ['output its position on idx', 'a 1-bit input d (input signal)', 'at 1/36 of the input frequency (toggle)',
      '- input rx: serial input bit', 'the input chosen when sel is 0', '* input sig: input signal\nNotes: none', 'output a pulse on aux',
      'If sel is 0, output a; otherwise output b.', 'When en is high, output d.', 'Read data on the rising edge; output q.', 'On reset, output zero.',
      'Use an input enable, then count.'])
      expect([...portDirections(prose).keys()].filter((name) => !['rx', 'sig', 'd'].includes(name)), prose).toEqual([]);
  });

  it('drops a name given two directions', () => {
    expect([...portDirections('input a, output b; in: b')]).toEqual([['a', 'input']]);
  });

  it('gives every generated task\'s ports their own directions, and holds a header only to a task\'s whole interface', () => {
    let held = 0;
    const tasks = splitTasks('train', 4);
    for (const task of tasks) {
      const ports = task.metadata!.ports;
      for (const [name, dir] of portDirections(task.spec)) expect(ports.find((p) => p.name === name)?.dir, `${task.id}: ${name}`).toBe(dir);
      const names = specNames(task.spec);
      if (names.required.length === 0) continue;
      held++;
      // Every port, with its own direction, and its own width where the spec gives one (the model writes the others).
      expect(names.required.map((name) => [name, names.directions.get(name), names.widths.get(name)]).sort(), task.id)
        .toEqual(ports.map((p) => [p.name, p.dir, names.widths.has(p.name) ? p.width : undefined]).sort());
    }
    expect(held).toBeGreaterThan(tasks.length / 2);
  });
});
