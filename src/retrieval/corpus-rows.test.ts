import { describe, expect, it } from 'vitest';
import { designOf, exemplarRow, readExemplarStore, sourceText } from './corpus-rows.js';
import { nearestExemplar } from './exemplars.js';

const FIXTURE = new URL('../../fixtures/corpus', import.meta.url).pathname;

describe('corpus rows as exemplars', () => {
  const synthetic = { id: 'mux2-train-1', source: 'synthetic', instruction: 'A mux.', input: '', output: 'module m;\nendmodule\n',
    meta: { family: 'mux2', combination: '{"width":4}', module: 'm' } };
  const rtl = { id: 'rtl-x-0', source: 'rtl', instruction: 'Complete this Verilog module.', input: 'module top;', output: '\n  reg a;\nendmodule\n',
    meta: { package: 'x', path: 'a/b.v', module: 'top' } };

  it('one design per family, parameters and module name, or per RTL file and module', () => {
    expect(designOf(synthetic)).toBe('mux2|{"width":4}|m');
    expect(designOf({ ...synthetic, meta: { ...synthetic.meta, module: 'n' } })).not.toBe(designOf(synthetic));
    expect(designOf(rtl)).toBe('rtl|x|a/b.v|top');
  });

  it('an RTL exemplar is the whole module: its header, then its body', () => {
    expect(exemplarRow(rtl).code).toBe('module top;\n  reg a;\nendmodule\n');
    expect(sourceText(rtl)).toBe('Complete this Verilog module.\nmodule top;');
    expect(exemplarRow(synthetic)).toEqual({ id: 'mux2-train-1', spec: 'A mux.', code: 'module m;\nendmodule\n', design: 'mux2|{"width":4}|m' });
  });

  it('the store is the train split of a corpus folder', async () => {
    const store = await readExemplarStore(FIXTURE);
    expect(store.rows).toHaveLength(61);
    expect(store.rows.every((r) => r.id.includes('-train-') || r.id.startsWith('rtl-'))).toBe(true);
    expect(nearestExemplar(store, 'Gray-to-binary converter: b is the XOR of the Gray code bits')?.row.id).toBe('gray2bin-train-1');
  });
});
