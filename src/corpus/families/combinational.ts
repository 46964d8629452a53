import { bits, sized, type Family, type Port } from '../family.js';

const inp = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'input', width, desc, ...extra });
const out = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'output', width, desc, ...extra });

const log2 = (n: number): number => Math.ceil(Math.log2(n));

export const mux2: Family = {
  name: 'mux2',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [1, 4, 8, 16, 32], 1, 64), style: rng.pick(['assign', 'always']) }),
  design(p, ctx) {
    const w = Number(p.width);
    const [a, b, sel, y] = ctx.rng.pick([['a', 'b', 'sel', 'y'], ['in0', 'in1', 's', 'out'], ['d0', 'd1', 'sel', 'q']]) as [string, string, string, string];
    const always = p.style === 'always';
    const body = always
      ? `${ctx.ind(1)}${ctx.alwaysComb} begin\n${ctx.ind(2)}if (${sel}) ${y} = ${b};\n${ctx.ind(2)}else ${y} = ${a};\n${ctx.ind(1)}end`
      : `${ctx.ind(1)}assign ${y} = ${sel} ? ${b} : ${a};`;
    return {
      module: ctx.rng.pick(['mux2', 'mux2to1', `mux2_${w}`]),
      ports: [inp(a, w, 'input chosen when the select is 0'), inp(b, w, 'input chosen when the select is 1'), inp(sel, 1, 'select'), out(y, w, 'the selected input', { reg: always })],
      body,
      behaviour: [
        `A ${bits(w)} 2-to-1 multiplexer: ${y} equals ${a} when ${sel} is 0 and ${b} when ${sel} is 1.`,
        `Output ${y} follows ${b} if ${sel} is high, otherwise it follows ${a}. Purely combinational, ${w} bits wide.`,
        `Select one of two ${w}-bit words: ${sel}=1 passes ${b} to ${y}, ${sel}=0 passes ${a}.`,
        `Combinational 2:1 mux of width ${w}; ${sel} low routes ${a} to the output ${y}, ${sel} high routes ${b}.`,
      ],
    };
  },
};

export const mux4: Family = {
  name: 'mux4',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [1, 2, 4, 8, 16], 1, 64), style: rng.pick(['case', 'ternary']) }),
  design(p, ctx) {
    const w = Number(p.width);
    const names = ctx.rng.pick([['a', 'b', 'c', 'd'], ['in0', 'in1', 'in2', 'in3'], ['d0', 'd1', 'd2', 'd3']]);
    const sel = ctx.rng.pick(['sel', 's']);
    const y = ctx.rng.pick(['y', 'out', 'q']);
    const isCase = p.style === 'case';
    const i = (n: number) => ctx.ind(n);
    const body = isCase
      ? [`${i(1)}${ctx.alwaysComb} begin`, `${i(2)}case (${sel})`, ...names.map((n, k) => `${i(3)}2'd${k}: ${y} = ${n};`), `${i(3)}default: ${y} = ${names[0]};`, `${i(2)}endcase`, `${i(1)}end`].join('\n')
      : `${i(1)}assign ${y} = ${sel}[1] ? (${sel}[0] ? ${names[3]} : ${names[2]}) : (${sel}[0] ? ${names[1]} : ${names[0]});`;
    return {
      module: ctx.rng.pick(['mux4', 'mux4to1', 'mux_4x1']),
      ports: [...names.map((n, k) => inp(n, w, `input ${k}`)), inp(sel, 2, 'select'), out(y, w, 'the selected input', { reg: isCase })],
      body,
      behaviour: [
        `A ${bits(w)} 4-to-1 multiplexer: ${y} is ${names.join(', ')} for ${sel} = 0, 1, 2, 3 respectively.`,
        `Route one of four ${w}-bit inputs to ${y} according to the 2-bit select ${sel} (0 picks ${names[0]}, 3 picks ${names[3]}).`,
        `Combinational four-way selector, ${w} bits wide, indexed by ${sel}: ${sel}=k drives input k onto ${y}.`,
        `Implement a 4:1 mux. Inputs ${names.join('/')} (${w} bits each), select ${sel}, output ${y} equal to the input numbered by ${sel}.`,
      ],
    };
  },
};

export const demux4: Family = {
  name: 'demux4',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [1, 4, 8], 1, 32) }),
  design(p, ctx) {
    const w = Number(p.width);
    const d = ctx.rng.pick(['d', 'din', 'in']);
    const sel = ctx.rng.pick(['sel', 's']);
    const outs = ctx.rng.pick([['y0', 'y1', 'y2', 'y3'], ['out0', 'out1', 'out2', 'out3']]);
    const zero = `${w}'d0`;
    const body = outs.map((o, k) => `${ctx.ind(1)}assign ${o} = (${sel} == 2'd${k}) ? ${d} : ${zero};`).join('\n');
    return {
      module: ctx.rng.pick(['demux4', 'demux1to4', 'demux_1x4']),
      ports: [inp(d, w, 'data in'), inp(sel, 2, 'select'), ...outs.map((o, k) => out(o, w, `output ${k}`))],
      body,
      behaviour: [
        `A ${bits(w)} 1-to-4 demultiplexer: the output numbered by ${sel} carries ${d}; the other three outputs are 0.`,
        `Send ${d} (${w} bits) to one of ${outs.join(', ')} chosen by ${sel}; unselected outputs stay zero.`,
        `Combinational demux: ${outs[0]} = ${d} when ${sel} is 0, ${outs[1]} when 1, and so on; every other output is all zeros.`,
        `1:4 demux of a ${w}-bit word, select ${sel}, outputs not selected driven to 0.`,
      ],
    };
  },
};

export const decoder: Family = {
  name: 'decoder',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ n: rng.pick([2, 3, 4, 5]), enable: rng.chance(0.5), style: rng.pick(['shift', 'case']) }),
  design(p, ctx) {
    const n = Number(p.n);
    const m = 1 << n;
    const a = ctx.rng.pick(['a', 'in', 'addr', 'sel']);
    const y = ctx.rng.pick(['y', 'out', 'dec']);
    const en = ctx.rng.pick(['en', 'enable']);
    const hasEn = Boolean(p.enable);
    const i = (k: number) => ctx.ind(k);
    let body: string;
    let reg = false;
    if (p.style === 'shift') {
      body = `${i(1)}assign ${y} = ${hasEn ? `${en} ? (${m}'d1 << ${a}) : ${m}'d0` : `${m}'d1 << ${a}`};`;
    } else {
      reg = true;
      const cases = Array.from({ length: m }, (_, k) => `${i(3)}${n}'d${k}: ${y} = ${m}'b${(1n << BigInt(k)).toString(2).padStart(m, '0')};`);
      body = [`${i(1)}${ctx.alwaysComb} begin`, ...(hasEn ? [`${i(2)}${y} = ${m}'d0;`, `${i(2)}if (${en})`] : []),
        `${i(2)}case (${a})`, ...cases, `${i(3)}default: ${y} = ${m}'d0;`, `${i(2)}endcase`, `${i(1)}end`].join('\n');
    }
    const enText = hasEn ? ` When ${en} is low all outputs are 0.` : '';
    return {
      module: ctx.rng.pick([`decoder${n}to${m}`, `dec${n}x${m}`, 'decoder']),
      ports: [inp(a, n, 'binary input'), ...(hasEn ? [inp(en, 1, 'enable', { stim: { kind: 'high' as const, p: 0.8 } })] : []), out(y, m, 'one-hot output', { reg })],
      body,
      behaviour: [
        `A ${n}-to-${m} binary decoder: bit ${a} of ${y} is 1 and all other bits are 0.${enText}`,
        `Decode the ${n}-bit value ${a} into a ${m}-bit one-hot word ${y} (${y}[k] = 1 exactly when ${a} == k).${enText}`,
        `One-hot decoder with ${m} outputs; the input ${a} selects which single output bit is set.${enText}`,
        `Convert binary ${a} to one-hot ${y}: ${y} = 1 << ${a}.${enText}`,
      ],
    };
  },
};

export const priorityEncoder: Family = {
  name: 'priority_encoder',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ n: sized(rng, [4, 8, 16], 2, 32), highFirst: rng.chance(0.6) }),
  design(p, ctx) {
    const n = Number(p.n);
    const k = log2(n);
    const req = ctx.rng.pick(['req', 'in', 'd']);
    const idx = ctx.rng.pick(['idx', 'out', 'y', 'pos']);
    const valid = ctx.rng.pick(['valid', 'any', 'v']);
    const highFirst = Boolean(p.highFirst);
    const i = (l: number) => ctx.ind(l);
    const order = highFirst ? 'i = 0; i < ' + n + '; i = i + 1' : `i = ${n - 1}; i >= 0; i = i - 1`;
    const body = [
      `${i(1)}integer i;`,
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}${idx} = ${k}'d0;`,
      `${i(2)}for (${order})`,
      `${i(3)}if (${req}[i]) ${idx} = i;`,
      `${i(1)}end`,
      `${i(1)}assign ${valid} = |${req};`,
    ].join('\n');
    const winner = highFirst ? 'highest' : 'lowest';
    return {
      module: ctx.rng.pick([`prio_enc${n}`, 'priority_encoder', `penc_${n}`]),
      ports: [inp(req, n, 'request bits', { stim: { kind: 'hold', p: 0.7 } }), out(idx, k, 'index of the winning bit', { reg: true }), out(valid, 1, 'some bit is set')],
      body,
      behaviour: [
        `A ${n}-input priority encoder: ${idx} is the index of the ${winner}-numbered set bit of ${req}, and ${valid} is 1 when any bit is set. With no bit set, ${idx} is 0.`,
        `Find the ${winner} set bit in the ${n}-bit vector ${req} and output its position on ${idx} (${k} bits); ${valid} flags that at least one bit is set, otherwise ${idx} = 0.`,
        `Priority encode ${req}: bit ${highFirst ? n - 1 : 0} has the highest priority. Output the position as ${idx}, plus ${valid} = OR of all bits; ${idx} is zero if nothing is set.`,
        `Encoder giving the index of the ${winner} asserted input among ${n}; ${valid} indicates any input is asserted (${idx} = 0 when none).`,
      ],
    };
  },
};

export const adder: Family = {
  name: 'adder',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 8, 16, 32], 2, 64), carryIn: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const [a, b, s] = ctx.rng.pick([['a', 'b', 'sum'], ['x', 'y', 's'], ['op_a', 'op_b', 'result']]) as [string, string, string];
    const cin = ctx.rng.pick(['cin', 'carry_in', 'ci']);
    const cout = ctx.rng.pick(['cout', 'carry_out', 'co']);
    const hasCin = Boolean(p.carryIn);
    const body = `${ctx.ind(1)}assign {${cout}, ${s}} = ${a} + ${b}${hasCin ? ` + ${cin}` : ''};`;
    const cinText = hasCin ? ` plus the carry-in ${cin}` : '';
    return {
      module: ctx.rng.pick([`adder${w}`, 'adder', `add_${w}bit`, 'ripple_adder']),
      ports: [inp(a, w, 'first operand'), inp(b, w, 'second operand'), ...(hasCin ? [inp(cin, 1, 'carry in')] : []), out(s, w, 'sum'), out(cout, 1, 'carry out')],
      body,
      behaviour: [
        `A ${bits(w)} binary adder: ${s} is the low ${w} bits of ${a} + ${b}${cinText}, and ${cout} is the carry out of the top bit.`,
        `Add two unsigned ${w}-bit numbers ${a} and ${b}${cinText}; produce the ${w}-bit ${s} and the carry ${cout}.`,
        `Combinational ${w}-bit addition with carry out: {${cout}, ${s}} = ${a} + ${b}${hasCin ? ` + ${cin}` : ''}.`,
        `Unsigned adder, ${w} bits: output the sum of ${a} and ${b}${cinText} on ${s}; overflow goes to ${cout}.`,
      ],
    };
  },
};

export const claAdder: Family = {
  name: 'cla_adder',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 8], 2, 16) }),
  design(p, ctx) {
    const w = Number(p.width);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}wire [${w - 1}:0] g = a & b;`,
      `${i(1)}wire [${w - 1}:0] p = a ^ b;`,
      `${i(1)}wire [${w}:0] c;`,
      `${i(1)}assign c[0] = cin;`,
      `${i(1)}genvar k;`,
      `${i(1)}generate`,
      `${i(2)}for (k = 0; k < ${w}; k = k + 1) begin : carry`,
      `${i(3)}assign c[k + 1] = g[k] | (p[k] & c[k]);`,
      `${i(2)}end`,
      `${i(1)}endgenerate`,
      `${i(1)}assign sum = p ^ c[${w - 1}:0];`,
      `${i(1)}assign cout = c[${w}];`,
    ].join('\n');
    return {
      module: ctx.rng.pick([`cla${w}`, `cla_adder${w}`, 'carry_lookahead_adder']),
      ports: [inp('a', w, 'first operand'), inp('b', w, 'second operand'), inp('cin', 1, 'carry in'), out('sum', w, 'sum'), out('cout', 1, 'carry out')],
      body,
      behaviour: [
        `A ${bits(w)} carry-lookahead adder. Compute generate g = a & b and propagate p = a ^ b per bit, carries c[k+1] = g[k] | (p[k] & c[k]) with c[0] = cin, sum = p ^ c, and cout the final carry.`,
        `Add a and b (${w} bits) plus cin using generate/propagate signals (carry lookahead); output sum and cout. The result equals a + b + cin.`,
        `Carry-lookahead addition of two ${w}-bit operands with carry in; sum is ${w} bits and cout is the carry out, {cout, sum} = a + b + cin.`,
        `Build a ${w}-bit CLA: per-bit generate and propagate, lookahead carries from cin, sum bits p[k] ^ c[k], carry out c[${w}].`,
      ],
    };
  },
};

export const subtractor: Family = {
  name: 'subtractor',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 64) }),
  design(p, ctx) {
    const w = Number(p.width);
    const [a, b, d] = ctx.rng.pick([['a', 'b', 'diff'], ['x', 'y', 'd'], ['minuend', 'subtrahend', 'difference']]) as [string, string, string];
    const bo = ctx.rng.pick(['borrow', 'bout', 'b_out']);
    return {
      module: ctx.rng.pick([`sub${w}`, 'subtractor', `subtract_${w}`]),
      ports: [inp(a, w, 'minuend'), inp(b, w, 'subtrahend'), out(d, w, 'difference'), out(bo, 1, 'borrow out')],
      body: `${ctx.ind(1)}assign {${bo}, ${d}} = {1'b0, ${a}} - {1'b0, ${b}};`,
      behaviour: [
        `A ${bits(w)} subtractor: ${d} = ${a} - ${b} modulo 2^${w}, and ${bo} is 1 when ${b} is greater than ${a} (a borrow was needed).`,
        `Subtract unsigned ${b} from ${a} (${w} bits each); ${d} holds the wrapped difference and ${bo} signals a borrow out.`,
        `Combinational ${w}-bit subtraction with borrow: {${bo}, ${d}} = {1'b0, ${a}} - {1'b0, ${b}}.`,
        `Compute ${a} minus ${b}; output the ${w}-bit difference on ${d} and raise ${bo} when the result is negative.`,
      ],
    };
  },
};

export const comparator: Family = {
  name: 'comparator',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 64), signed: rng.chance(0.3) }),
  design(p, ctx) {
    const w = Number(p.width);
    const signed = Boolean(p.signed);
    const [eq, lt, gt] = ctx.rng.pick([['eq', 'lt', 'gt'], ['a_eq_b', 'a_lt_b', 'a_gt_b'], ['equal', 'less', 'greater']]) as [string, string, string];
    const body = [`assign ${eq} = (a == b);`, `assign ${lt} = (a < b);`, `assign ${gt} = (a > b);`].map((l) => ctx.ind(1) + l).join('\n');
    const kind = signed ? "signed (two's complement)" : 'unsigned';
    return {
      module: ctx.rng.pick([`cmp${w}`, 'comparator', `compare_${w}`]),
      ports: [inp('a', w, `${kind} operand`, { signed }), inp('b', w, `${kind} operand`, { signed }), out(eq, 1, 'a equals b'), out(lt, 1, 'a is less than b'), out(gt, 1, 'a is greater than b')],
      body,
      behaviour: [
        `A ${bits(w)} magnitude comparator for ${kind} numbers: ${eq} is 1 when a == b, ${lt} when a < b, ${gt} when a > b.`,
        `Compare the ${kind} ${w}-bit inputs a and b and raise exactly one of ${eq}, ${lt}, ${gt}.`,
        `Combinational comparator: outputs ${eq} (equal), ${lt} (a below b) and ${gt} (a above b), treating a and b as ${kind}.`,
        `Given two ${w}-bit ${kind} values a and b, flag equality on ${eq}, a<b on ${lt} and a>b on ${gt}.`,
      ],
    };
  },
};

const ALU_OPS = ['add', 'sub', 'and', 'or', 'xor', 'shl', 'shr', 'slt'] as const;
const ALU_EXPR: Record<(typeof ALU_OPS)[number], string> = {
  add: 'a + b', sub: 'a - b', and: 'a & b', or: 'a | b', xor: 'a ^ b', shl: 'a << 1', shr: 'a >> 1', slt: '(a < b) ? 1 : 0',
};
const ALU_TEXT: Record<(typeof ALU_OPS)[number], string> = {
  add: 'a + b', sub: 'a - b', and: 'bitwise AND', or: 'bitwise OR', xor: 'bitwise XOR', shl: 'a shifted left by one', shr: 'a shifted right by one (logical)', slt: '1 if a < b (unsigned) else 0',
};

export const alu: Family = {
  name: 'alu',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), ops: rng.pick([4, 8]), zero: rng.chance(0.6) }),
  design(p, ctx) {
    const w = Number(p.width);
    const ops = ALU_OPS.slice(0, Number(p.ops));
    const k = log2(ops.length);
    const op = ctx.rng.pick(['op', 'opcode', 'alu_op']);
    const y = ctx.rng.pick(['y', 'result', 'out']);
    const zero = Boolean(p.zero);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}case (${op})`,
      ...ops.map((o, n) => `${i(3)}${k}'d${n}: ${y} = ${ALU_EXPR[o]};`),
      `${i(3)}default: ${y} = ${w}'d0;`,
      `${i(2)}endcase`,
      `${i(1)}end`,
      ...(zero ? [`${i(1)}assign zero = (${y} == ${w}'d0);`] : []),
    ].join('\n');
    const table = ops.map((o, n) => `${n}: ${ALU_TEXT[o]}`).join('; ');
    const zeroText = zero ? ` The flag zero is 1 when ${y} is 0.` : '';
    return {
      module: ctx.rng.pick(['alu', `alu${w}`, 'simple_alu']),
      ports: [inp('a', w, 'operand a'), inp('b', w, 'operand b'), inp(op, k, 'operation select', { stim: { kind: 'below', max: ops.length - 1 } }), out(y, w, 'result', { reg: true }), ...(zero ? [out('zero', 1, 'result is zero')] : [])],
      body,
      behaviour: [
        `A ${bits(w)} ALU with ${ops.length} operations selected by ${op}: ${table}. Results are truncated to ${w} bits.${zeroText}`,
        `Combinational arithmetic/logic unit, ${w} bits. ${op} chooses the operation (${table}); ${y} is the ${w}-bit result.${zeroText}`,
        `Implement an ALU: ${y} = f(a, b) where f depends on the ${k}-bit opcode ${op} as follows: ${table}.${zeroText}`,
        `ALU of width ${w}. Opcodes: ${table}. Output ${y} keeps the low ${w} bits.${zeroText}`,
      ],
    };
  },
};

export const parity: Family = {
  name: 'parity',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 7, 8, 16, 32], 2, 64), odd: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const odd = Boolean(p.odd);
    const d = ctx.rng.pick(['d', 'data', 'in']);
    const y = ctx.rng.pick(['parity', 'p', 'par']);
    return {
      module: ctx.rng.pick([odd ? 'odd_parity' : 'even_parity', `parity${w}`, 'parity_gen']),
      ports: [inp(d, w, 'data'), out(y, 1, `${odd ? 'odd' : 'even'} parity bit`)],
      body: `${ctx.ind(1)}assign ${y} = ${odd ? '~' : ''}^${d};`,
      behaviour: [
        `An ${odd ? 'odd' : 'even'} parity generator for ${w} bits: ${y} is chosen so that ${d} together with ${y} has an ${odd ? 'odd' : 'even'} number of ones.`,
        `Compute the ${odd ? 'odd' : 'even'} parity of the ${w}-bit word ${d}: ${y} = ${odd ? 'NOT of ' : ''}the XOR of all its bits.`,
        `${odd ? 'Odd' : 'Even'}-parity bit generator: output ${y} ${odd ? 'is 1 when' : 'is 1 when'} ${d} has an ${odd ? 'even' : 'odd'} number of 1 bits.`,
        `Parity of ${d} (${w} bits), ${odd ? 'odd' : 'even'} convention, on ${y}.`,
      ],
    };
  },
};

export const barrelShifter: Family = {
  name: 'barrel_shifter',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [8, 16, 32], 4, 64), mode: rng.pick(['left', 'right', 'rotate_left', 'rotate_right']) }),
  design(p, ctx) {
    const w = Number(p.width);
    const k = log2(w);
    const mode = String(p.mode);
    const d = ctx.rng.pick(['d', 'data', 'in']);
    const sh = ctx.rng.pick(['shamt', 'amt', 'shift']);
    const y = ctx.rng.pick(['y', 'out', 'q']);
    const expr: Record<string, string> = {
      left: `${d} << ${sh}`,
      right: `${d} >> ${sh}`,
      rotate_left: `(${d} << ${sh}) | (${d} >> (${w} - ${sh}))`,
      rotate_right: `(${d} >> ${sh}) | (${d} << (${w} - ${sh}))`,
    };
    const text: Record<string, string> = {
      left: 'shifted left, filling with zeros',
      right: 'shifted right logically, filling with zeros',
      rotate_left: 'rotated left (bits leaving the top re-enter at the bottom)',
      rotate_right: 'rotated right (bits leaving the bottom re-enter at the top)',
    };
    return {
      module: ctx.rng.pick(['barrel_shifter', `bshift${w}`, mode.startsWith('rotate') ? 'rotator' : 'shifter']),
      ports: [inp(d, w, 'data'), inp(sh, k, 'shift amount'), out(y, w, 'shifted data')],
      body: `${ctx.ind(1)}assign ${y} = ${expr[mode]};`,
      behaviour: [
        `A ${bits(w)} barrel shifter: ${y} is ${d} ${text[mode]} by ${sh} positions (0 to ${w - 1}).`,
        `Combinational shifter: output ${d} ${text[mode]}, by the amount in the ${k}-bit input ${sh}.`,
        `Shift ${d} (${w} bits) by ${sh} in one cycle; the data is ${text[mode]}.`,
        `${w}-bit barrel shift unit, ${mode.replace('_', ' ')}, shift amount ${sh}, result ${y}.`,
      ],
    };
  },
};

export const popcount: Family = {
  name: 'popcount',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [4, 8, 16, 32], 2, 64) }),
  design(p, ctx) {
    const w = Number(p.width);
    const k = log2(w + 1);
    const d = ctx.rng.pick(['d', 'data', 'in']);
    const c = ctx.rng.pick(['count', 'ones', 'cnt']);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}integer i;`,
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}${c} = 0;`,
      `${i(2)}for (i = 0; i < ${w}; i = i + 1)`,
      `${i(3)}${c} = ${c} + ${d}[i];`,
      `${i(1)}end`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['popcount', `popcount${w}`, 'ones_counter']),
      ports: [inp(d, w, 'data'), out(c, k, 'number of set bits', { reg: true })],
      body,
      behaviour: [
        `Population count: ${c} is the number of 1 bits in the ${w}-bit input ${d}.`,
        `Count how many bits of ${d} are set and output the count (${k} bits) on ${c}.`,
        `Combinational ones counter for a ${w}-bit word; ${c} ranges from 0 to ${w}.`,
        `Hamming weight of ${d}: output ${c}.`,
      ],
    };
  },
};

export const bin2gray: Family = {
  name: 'bin2gray',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [3, 4, 8, 16], 2, 32) }),
  design(p, ctx) {
    const w = Number(p.width);
    const [b, g] = ctx.rng.pick([['bin', 'gray'], ['b', 'g'], ['binary', 'gray_code']]) as [string, string];
    return {
      module: ctx.rng.pick(['bin2gray', 'binary_to_gray', `b2g${w}`]),
      ports: [inp(b, w, 'binary value'), out(g, w, 'Gray code')],
      body: `${ctx.ind(1)}assign ${g} = ${b} ^ (${b} >> 1);`,
      behaviour: [
        `Convert the ${bits(w)} binary number ${b} to reflected binary Gray code ${g}: ${g} = ${b} XOR (${b} shifted right by one).`,
        `Binary-to-Gray converter, ${w} bits. The MSB passes through; every other Gray bit is the XOR of two adjacent binary bits.`,
        `Combinational Gray encoder: ${g}[i] = ${b}[i+1] ^ ${b}[i] for i < ${w - 1}, ${g}[${w - 1}] = ${b}[${w - 1}].`,
        `Output the Gray code of ${b} on ${g} (${w} bits).`,
      ],
    };
  },
};

export const gray2bin: Family = {
  name: 'gray2bin',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [3, 4, 8, 16], 2, 32), style: rng.pick(['loop', 'xor_reduce']) }),
  design(p, ctx) {
    const w = Number(p.width);
    const [g, b] = ctx.rng.pick([['gray', 'bin'], ['g', 'b'], ['gray_code', 'binary']]) as [string, string];
    const i = (l: number) => ctx.ind(l);
    const body = p.style === 'loop'
      ? [`${i(1)}integer i;`, `${i(1)}${ctx.alwaysComb} begin`, `${i(2)}${b}[${w - 1}] = ${g}[${w - 1}];`,
        `${i(2)}for (i = ${w - 2}; i >= 0; i = i - 1)`, `${i(3)}${b}[i] = ${b}[i + 1] ^ ${g}[i];`, `${i(1)}end`].join('\n')
      : [`${i(1)}integer i;`, `${i(1)}${ctx.alwaysComb}`, `${i(2)}for (i = 0; i < ${w}; i = i + 1)`, `${i(3)}${b}[i] = ^(${g} >> i);`].join('\n');
    return {
      module: ctx.rng.pick(['gray2bin', 'gray_to_binary', `g2b${w}`]),
      ports: [inp(g, w, 'Gray code'), out(b, w, 'binary value', { reg: true })],
      body,
      behaviour: [
        `Convert the ${bits(w)} Gray code ${g} back to binary ${b}: the MSB is copied and each lower binary bit is the XOR of the next higher binary bit with the Gray bit.`,
        `Gray-to-binary converter, ${w} bits wide: ${b}[i] is the XOR of ${g}[${w - 1}:i].`,
        `Decode reflected binary Gray code ${g} into the plain binary number ${b}.`,
        `Combinational Gray decoder producing ${b} from ${g}.`,
      ],
    };
  },
};

const SEGMENTS = [0x3f, 0x06, 0x5b, 0x4f, 0x66, 0x6d, 0x7d, 0x07, 0x7f, 0x6f, 0x77, 0x7c, 0x39, 0x5e, 0x79, 0x71];

export const sevenSeg: Family = {
  name: 'seven_segment',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ activeLow: rng.chance(0.5) }),
  design(p, ctx) {
    const low = Boolean(p.activeLow);
    const d = ctx.rng.pick(['hex', 'digit', 'd', 'value']);
    const s = ctx.rng.pick(['seg', 'segments', 'hex_out']);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}case (${d})`,
      ...SEGMENTS.map((v, k) => `${i(3)}4'h${k.toString(16).toUpperCase()}: ${s} = 7'b${(low ? ~v & 0x7f : v).toString(2).padStart(7, '0')};`),
      `${i(3)}default: ${s} = 7'b${low ? '1111111' : '0000000'};`,
      `${i(2)}endcase`,
      `${i(1)}end`,
    ].join('\n');
    const pol = low ? 'active-low (a 0 lights the segment, as on a common-anode display)' : 'active-high (a 1 lights the segment)';
    return {
      module: ctx.rng.pick(['seven_seg', 'hex_to_7seg', 'seg7_decoder']),
      ports: [inp(d, 4, 'hexadecimal digit'), out(s, 7, 'segments {g,f,e,d,c,b,a}', { reg: true })],
      body,
      behaviour: [
        `A hexadecimal 7-segment decoder: show the digit ${d} (0-F) on a display; ${s}[0] drives segment a, ${s}[1] b, up to ${s}[6] g. Outputs are ${pol}. Letters b and d are lower case (b lights c,d,e,f,g; d lights b,c,d,e,g).`,
        `Decode a 4-bit value ${d} into 7-segment pattern ${s} = {g,f,e,d,c,b,a}, digits 0-9 and A-F in the usual shapes, ${pol}.`,
        `Hex to seven-segment: ${s} bit 0 is segment a and bit 6 is segment g; standard glyphs for 0-9, A, b, C, d, E, F; segments are ${pol}.`,
        `Seven-segment display driver for one hex digit ${d}, ${pol}, segment order {g,f,e,d,c,b,a}.`,
      ],
    };
  },
};

export const leadingZeros: Family = {
  name: 'leading_zeros',
  category: 'combinational',
  clocked: false,
  params: (rng) => ({ width: sized(rng, [8, 16, 32], 2, 64) }),
  design(p, ctx) {
    const w = Number(p.width);
    const k = log2(w + 1);
    const d = ctx.rng.pick(['d', 'data', 'in']);
    const z = ctx.rng.pick(['lz', 'count', 'clz']);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}integer i;`,
      `${i(1)}reg found;`,
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}${z} = 0;`,
      `${i(2)}found = 1'b0;`,
      `${i(2)}for (i = ${w - 1}; i >= 0; i = i - 1) begin`,
      `${i(3)}if (${d}[i]) found = 1'b1;`,
      `${i(3)}else if (!found) ${z} = ${z} + 1;`,
      `${i(2)}end`,
      `${i(1)}end`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['clz', `lzc${w}`, 'leading_zero_counter']),
      ports: [inp(d, w, 'data', { stim: { kind: 'random' } }), out(z, k, 'leading zero count', { reg: true })],
      body,
      behaviour: [
        `Count leading zeros: ${z} is the number of 0 bits above the most significant 1 in the ${w}-bit input ${d}; ${w} when ${d} is 0.`,
        `Leading-zero counter for ${w} bits, scanning from bit ${w - 1} downwards until the first 1; an all-zero input gives ${w}.`,
        `Output on ${z} how many consecutive zeros ${d} has starting at its MSB.`,
        `CLZ unit of width ${w}.`,
      ],
    };
  },
};

export const COMBINATIONAL: Family[] = [
  mux2, mux4, demux4, decoder, priorityEncoder, adder, claAdder, subtractor, comparator, alu,
  parity, barrelShifter, popcount, bin2gray, gray2bin, sevenSeg, leadingZeros,
];
