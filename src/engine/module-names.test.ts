import { describe, expect, it } from 'vitest';
import { codeShapedWords, moduleWords, namedModules } from './module-names.js';
import { specNames, specReading } from './spec-names.js';

describe('module names', () => {
  it('takes no heading or prose word for the name', () => {
    expect(namedModules('priority_arbiter:\nInterface:\n  req (input, 2 bits)')).toEqual(['priority_arbiter']);
    expect(namedModules('I need a Verilog module rom.\nNotes: one module only.')).toEqual(['rom']);
  });

  it('takes no port called or named so, and no state opening a transition line', () => {
    expect(namedModules('three 1-bit outputs called lt, eq and gt, a mode input called sgn. Could you call the module cmp_su12?')).toEqual(['cmp_su12']);
    expect(namedModules('Write a Verilog module named cnt8 with an input named en')).toEqual(['cnt8']);
    expect(namedModules('req_gen - handshake master\nIDLE: start=1 -> REQ.  REQ: req=1; when ack=1 -> WAIT.')).toEqual([]);
    expect(specNames('req_gen - handshake master\nIDLE: start=1 -> REQ.  REQ: req=1; when ack=1 -> WAIT.').moduleNames).toEqual(['req_gen']);
  });

  it('leaves the model any word of the spec but prose where the spec gives no name', () => {
    expect(moduleWords(['a', 'flip', 'tff', 'the', 'clk'], [])).toEqual(['flip', 'tff', 'clk']);
    expect(moduleWords(['flip', 'tff'], ['tff'])).toEqual(['tff']);
    expect(specNames('T flip-flop tff with clk, rst (sync active high), t, q. q toggles when t is 1').moduleNames).toEqual([]);
  });
});

describe('names given in passing', () => {
  const ports = (...names: string[]) => new Set(names);

  it('reads a name shaped like a module name where the spec gives none in so many words', () => {
    expect(specNames('4 bit full adder add4 with carry in and carry out: a[3:0], b[3:0], cin -> sum[3:0], cout').module.words).toEqual(new Set(['add4']));
    expect(specNames('8-bit register with enable and asynchronous active-low reset. dff_en: clk, rst_n, en, d[7:0], q[7:0]').moduleNames).toEqual(['dff_en']);
    expect(specReading('peak_hold -- keeps the maximum of an unsigned 8-bit sample stream. inputs clk, rst, clr, sample[7:0]; output peak[7:0]').module).toEqual(['peak_hold']);
  });

  it('takes no port, signal, constant, state or parameter for one', () => {
    expect(codeShapedWords("cnt8 counts; load_val in, rst_n, i_data, data_in, q_reg; reset to 8'b0000_0001 or 0x07", ports('load_val'))).toEqual(['cnt8']);
    expect(codeShapedWords('states S0, S1 and IDLE; parameter DATA_WIDTH; fsm3', ports())).toEqual(['fsm3']);
  });

  it('keeps a word written as a header, even where the port reader took it for a port', () => {
    expect(codeShapedWords('rising edge detector with a registered output: rise_detect(clk, rst, sig, pulse).', ports('rise_detect', 'clk'))).toEqual(['rise_detect']);
    expect(specNames('rising edge detector with a registered output: rise_detect(clk, rst, sig, pulse).').moduleNames).toEqual(['rise_detect']);
  });

  it('never lets a port take the module name the spec gives in passing', () => {
    const names = specNames('counter cnt4_en with ports clk, en, q');
    expect(names.moduleNames).toEqual(['cnt4_en']);
    expect(names.portName.words.has('cnt4_en')).toBe(false);
    expect(names.portName.words.has('en')).toBe(true);
  });

  it('leaves a spec that names its module in so many words as it was', () => {
    expect(specNames('Write a Verilog module named mux2 with inputs d0_a, d1_b; sel2 picks').moduleNames).toEqual(['mux2']);
  });
});
