import { describe, expect, test } from 'vitest';
import { trainedOn } from './provenance.js';

const base = { epochs: 0.213, parameters: 7_857_920 };
const corpus = { examples: { train: 61052, validation: 147 } };

describe('what the page says of a package\'s training', () => {
  test('a model that continued over runs: its CPU hours in all, not the last run\'s epochs', () => {
    expect(trainedOn({ provenance: { corpus, base_training: base, training_so_far: { runs: 7, cpu_hours: 11.42 } } }))
      .toBe('61,052 spec → Verilog pairs, 11.4 CPU hours of training over 7 runs; 7.9M parameters');
  });

  test('a short run of one, and a corpus that gives its examples as one number', () => {
    expect(trainedOn({ provenance: { corpus: { examples: 500 }, base_training: { epochs: 2.5 }, training_so_far: { runs: 1, cpu_hours: 0.04 } } }))
      .toBe('500 spec → Verilog pairs, 0.04 CPU hours of training over 1 run');
  });

  test('a model of one run: its epochs', () => {
    expect(trainedOn({ provenance: { corpus, base_training: base } })).toBe('61,052 spec → Verilog pairs, 0.21 epochs; 7.9M parameters');
  });

  test('a base train/ did not train (a checkpoint of one\'s own): nothing', () => {
    expect(trainedOn({ provenance: { corpus } })).toBeUndefined();
    expect(trainedOn({})).toBeUndefined();
  });
});
