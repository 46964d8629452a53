import { describe, expect, it } from 'vitest';
import { loosePorts, statedWidths } from './loose-ports.js';
import { specNames } from './spec-names.js';

/** What `loosePorts` reads, as `i8:a` (direction, width, name). */
const read = (spec: string) => loosePorts(spec).map((p) => `${p.dir[0]}${p.width ?? ''}:${p.name}`);

describe('loosePorts', () => {
  it('reads an arrow from inputs to outputs where a port has a range, not a state machine\'s moves', () => {
    expect(read('sub8: x[7:0], y[7:0] -> diff[7:0], diff = x - y')).toEqual(['i8:x', 'i8:y', 'o8:diff']);
    expect(read('a thermometer driver, lvl[1:0] -> bars[2:0] as a code')).toEqual(['i2:lvl', 'o3:bars']);
    expect(read('interleave(p[1:0], q[1:0]) -> r[3:0]')).toEqual(['i2:p', 'i2:q', 'o4:r']);
    expect(read('blink: clock, rst -> led[3:0]')).toEqual(['i:clock', 'i:rst', 'o4:led']);
    expect(read('IDLE -> BUSY when go; s0 -> s1')).toEqual([]);
  });

  it('reads a direction after each name in a list of them, or one described, not prose', () => {
    expect(read('toggle: clk in, tq out (registered), rstn in')).toEqual(['i:clk', 'o:tq', 'i:rstn']);
    expect(read('- din[7:0] in, dout[7:0] out')).toEqual(['i8:din', 'o8:dout']);
    expect(read('tick in - the strobe; everything else is internal')).toEqual(['i:tick']);
    for (const prose of ['Shift the data in, then count.', 'the new bit is shifted in.', 'a (1 bit, data in)', 'Send in (8 bits) to y0'])
      expect(read(prose), prose).toEqual([]);
  });

  it('reads a plural direction before a list in a sentence, and the next direction after it', () => {
    expect(read('a mux with inputs p, q, s and output z. z = s ? q : p')).toEqual(['i:p', 'i:q', 'i:s', 'o:z']);
    expect(read('Inputs u, v, w, each 6 bits unsigned; one output big.')).toEqual(['i6:u', 'i6:v', 'i6:w', 'o:big']);
    expect(read('inputs m and n (4 bits each), outputs hi[3:0] and lo, where lo = m < n')).toEqual(['i4:m', 'i4:n', 'o4:hi', 'o:lo']);
    expect(read('pattern: inputs clock, rst, in; outputs seen')).toEqual(['i:clock', 'i:rst', 'i:in', 'o:seen']);
  });

  it('reads nothing from prose about inputs, and drops a list it cannot read whole', () => {
    for (const prose of ['the inputs are sampled on the edge', 'unselected outputs stay zero', 'equal inputs give both the same value',
      'the inputs a, b, the carry', 'outputs a pulse on done'])
      expect(read(prose), prose).toEqual([]);
    expect(read('inputs m and n are unsigned')).toEqual(['i:m']);
  });

  it('reads single declarations at a sentence\'s start, and "x and y come in and z goes out"', () => {
    expect(read('Output hit is registered. Input in is 12 bits wide.')).toEqual(['o:hit', 'i12:in']);
    expect(read('req is the 5-bit input (requests).')).toEqual(['i5:req']);
    expect(read('p and q come in and s goes out; p and q are 8 bits each.')).toEqual(['i:p', 'i:q', 'o:s']);
    expect(statedWidths('p and q are 8 bits each, s is 9 bits; r are 3 bits')).toEqual([['p', 8], ['q', 8], ['s', 9]]);
  });
});

describe('an interface read from loose shapes', () => {
  it('holds the header to it, a port with no width written one bit', () => {
    const names = specNames('parity9: inputs d[8:0] and odd; output par. par makes the count of ones even (odd = 0) or odd.');
    expect(names.required).toEqual(['d', 'odd', 'par']);
    expect(names.required.map((w) => names.widths.get(w))).toEqual([9, 1, 1]);
  });

  it('holds nothing where a word of the spec looks like a port the shapes leave out', () => {
    // A clock- or code-shaped word, a clocked design with no clock, a word after "output".
    expect(specNames('wd: clk, rst_n (async), input kick, output bark').required).toEqual([]);
    expect(specNames('inputs x, y; outputs z. Registered: z takes x & y on each rising edge of clock.').required).toEqual([]);
    expect(specNames('inputs a, b; outputs y. The output sum_o is a + b.').required).toEqual([]);
    expect(specNames('inputs a, b; outputs y. It also has a carry output co.').required).toEqual([]);
  });
});
