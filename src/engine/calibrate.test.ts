import { describe, expect, test } from 'vitest';
import { calibratedChoices, type CalibrationFile } from './calibrate.js';

describe('calibratedChoices', () => {
  test('reads the best tree of each variant for one backend and quantization', () => {
    const file: CalibrationFile = {
      'wasm/int8': { variants: { vanilla: { best: { choices: [[0], [1], [0, 0]] } }, syntax: { best: { choices: [[0]] } } } },
      'onnxruntime-node-cpu/int8': { variants: { vanilla: { best: { choices: [[0], [0, 0]] } } } },
    };
    expect(calibratedChoices(file, 'wasm', 'int8')).toEqual({ vanilla: [[0], [1], [0, 0]], syntax: [[0]] });
    expect(calibratedChoices(file, 'webgpu', 'int8')).toEqual({});
  });

  test('skips what is malformed: calibration.json is untrusted, unhashed input', () => {
    const hostile = {
      'wasm/int8': { variants: { vanilla: { best: { choices: [[0], ['x']] } }, syntax: { best: { choices: [[-1]] } }, other: null, big: { best: { choices: [[1e9]] } } } },
    } as unknown as CalibrationFile;
    expect(calibratedChoices(hostile, 'wasm', 'int8')).toEqual({});
    expect(calibratedChoices(null as unknown as CalibrationFile, 'wasm', 'int8')).toEqual({});
    expect(calibratedChoices({ 'wasm/int8': { variants: 'nope' } } as unknown as CalibrationFile, 'wasm', 'int8')).toEqual({});
  });
});
