import { describe, expect, test } from 'vitest';
import { calibratedCurves, calibratedLaneTrees, type CalibrationFile } from './calibrate.js';

describe('calibratedLaneTrees', () => {
  test('reads the best tree of each variant and its growth for one backend and quantization', () => {
    const file: CalibrationFile = {
      'wasm/int8': { variants: { vanilla: { best: { choices: [[0], [1], [0, 0]], growth: 'dynamic' } }, syntax: { best: { choices: [[0]] } } } },
      'onnxruntime-node-cpu/int8': { variants: { vanilla: { best: { choices: [[0], [0, 0]] } } } },
    };
    // A file written before dynamic trees has static ones; an unknown growth is read as static too.
    expect(calibratedLaneTrees(file, 'wasm', 'int8')).toEqual({ vanilla: { choices: [[0], [1], [0, 0]], growth: 'dynamic' }, syntax: { choices: [[0]], growth: 'static' } });
    expect(calibratedLaneTrees({ 'wasm/int8': { variants: { vanilla: { best: { choices: [[0]], growth: 'wild' } } } } }, 'wasm', 'int8')).toEqual({ vanilla: { choices: [[0]], growth: 'static' } });
    expect(calibratedLaneTrees(file, 'webgpu', 'int8')).toEqual({});
  });

  test('skips what is malformed: calibration.json is untrusted, unhashed input', () => {
    const hostile = {
      'wasm/int8': { variants: { vanilla: { best: { choices: [[0], ['x']] } }, syntax: { best: { choices: [[-1]] } }, other: null, big: { best: { choices: [[1e9]] } } } },
    } as unknown as CalibrationFile;
    expect(calibratedLaneTrees(hostile, 'wasm', 'int8')).toEqual({});
    expect(calibratedLaneTrees(null as unknown as CalibrationFile, 'wasm', 'int8')).toEqual({});
    expect(calibratedLaneTrees({ 'wasm/int8': { variants: 'nope' } } as unknown as CalibrationFile, 'wasm', 'int8')).toEqual({});
  });
});

describe('calibratedCurves', () => {
  const curve = [{ nodes: 1, tokensPerStep: 1.3 }, { nodes: 4, tokensPerStep: 2.5 }];
  test("reads each lane's tokens per step, on this backend or else the first one calibrated", () => {
    const file = {
      'onnxruntime-node-cpu/int8': { variants: { vanilla: { curve }, syntax: { curve: [{ nodes: 1, tokensPerStep: 1.1 }, { nodes: 'x', tokensPerStep: 2 }] } } },
      'wasm/int8': { variants: { vanilla: { curve: [{ nodes: 1, tokensPerStep: 1.2 }] } } },
    } as unknown as CalibrationFile;
    expect(calibratedCurves(file, 'wasm', 'int8')).toEqual({ key: 'wasm/int8', curves: { medusa: [{ nodes: 1, tokensPerStep: 1.2 }] } });
    expect(calibratedCurves(file, 'webgpu', 'int8')).toEqual({ key: 'onnxruntime-node-cpu/int8', curves: { medusa: curve, syntax: [{ nodes: 1, tokensPerStep: 1.1 }] } });
    expect(calibratedCurves({}, 'wasm', 'int8')).toBeNull();
  });

  test("keeps the points of the growth the lane's best tree has", () => {
    const file: CalibrationFile = {
      'wasm/int8': { variants: { vanilla: { best: { choices: [[0], [0, 0]], growth: 'dynamic' }, curve: [
        { nodes: 1, tokensPerStep: 1.3, growth: 'static' }, { nodes: 4, tokensPerStep: 2.5, growth: 'static' }, { nodes: 4, tokensPerStep: 2.6, growth: 'dynamic' },
      ] } } },
    };
    // 1 node is the same tree either way: its static point stands in.
    expect(calibratedCurves(file, 'wasm', 'int8')?.curves.medusa).toEqual([{ nodes: 1, tokensPerStep: 1.3 }, { nodes: 4, tokensPerStep: 2.6 }]);
    expect(calibratedCurves(null as unknown as CalibrationFile, 'wasm', 'int8')).toBeNull();
  });
});
