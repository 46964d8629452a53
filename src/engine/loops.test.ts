import { describe, expect, it } from 'vitest';
import { LOOP_CHARS, loopTokens, runsAway } from './loops.js';

describe('loops', () => {
  const pieces = [' +', ' in', ';', ' +  in', '\n  assign', ' (select);', ''];

  it('rules out the token that would make the output end in a unit repeated four times over forty characters', () => {
    const looping = `assign y = a${' + in'.repeat(7)}`; // 35 characters of ` + in`
    expect(loopTokens(looping, pieces)).toBeNull(); // ` +` makes 37 characters of it
    expect(loopTokens(`${looping} +`, pieces)).toEqual([1]); // ` in` would make 40; `;` ends it
  });

  it('rules out the fourth copy of a line', () => {
    const line = '\n  assign out = (select);';
    expect(line.length * 3).toBeGreaterThanOrEqual(LOOP_CHARS);
    const blocked = loopTokens(`module m;${line.repeat(3)}\n  assign out =`, [' (select);', ' (other);', ' ('])!;
    expect(blocked).toContain(0);
    expect(blocked).not.toContain(1);
  });

  it('holds blank space to two blank lines and a sane indent', () => {
    expect(loopTokens('  assign y = a;\n\n', ['\n', '  ', ' y'])).toBeNull();
    expect(loopTokens('  assign y = a;\n\n\n', ['\n', '  ', ' y'])).toEqual([0]);
    expect(loopTokens(`  assign y = a;\n${' '.repeat(31)}`, ['\n', '  ', ' y'])).toEqual([1]);
  });

  it('leaves code that repeats a little alone', () => {
    expect(loopTokens("assign y = {a[0], a[0], a[0]", [', a[0]', '}'])).toBeNull();
    expect(loopTokens("localparam Z = 16'h0000", ['0000', ';'])).toBeNull();
  });

  it('stops a name that runs away, not a name or a number that repeats a little', () => {
    expect(loopTokens('  assign tick_iron_iron', ['_iron', '_irn', ';', ' _iron'])).toEqual([0]);
    expect(loopTokens('  wire HopHop', ['Hop', 'Hip'])).toEqual([0]);
    expect(loopTokens("  assign y = 8'b0101", ['01', ';'])).toBeNull(); // digits of a number
    expect(loopTokens('  assign y = a_b', ['_c', '_b'])).toBeNull();
    const long = Array.from({ length: 48 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    expect(runsAway(long)).toBe(false);
    expect(runsAway(`${long}q`)).toBe(true);
    expect(runsAway('ab'.repeat(25))).toBe(true);
  });
});
