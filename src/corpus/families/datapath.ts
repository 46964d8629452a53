import { sized, type DesignContext, type Family, type Port } from '../family.js';

const inp = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'input', width, desc, ...extra });
const out = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'output', width, desc, ...extra });
const clockAndReset = (ctx: DesignContext): Port[] => [ctx.clockPort(), ctx.resetPort()];
const resets = (ctx: DesignContext, what: string): string => `${what} ${ctx.resetPhrase()}.`;
const startPort = (name: string): Port => inp(name, 1, 'start a new operation', { stim: { kind: 'high', p: 0.15 } });
const cw = (n: number): number => Math.ceil(Math.log2(n + 1));

export const shiftAddMultiplier: Family = {
  name: 'multiplier_shift_add',
  category: 'arithmetic',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 16) }),
  design(p, ctx) {
    const w = Number(p.width);
    const i = (l: number) => ctx.ind(l);
    const start = ctx.rng.pick(['start', 'go']);
    const body = [
      `${i(1)}reg [${2 * w - 1}:0] mcand;`,
      `${i(1)}reg [${w - 1}:0] mplier;`,
      `${i(1)}reg [${cw(w) - 1}:0] cnt;`,
      ctx.seqBlock([`product <= ${2 * w}'d0;`, `mcand <= ${2 * w}'d0;`, `mplier <= ${w}'d0;`, `cnt <= ${cw(w)}'d0;`, "busy <= 1'b0;", "done <= 1'b0;"], [
        "done <= 1'b0;",
        `if (${start} && !busy) begin`,
        `${i(1)}product <= ${2 * w}'d0;`,
        `${i(1)}mcand <= {${w}'d0, a};`,
        `${i(1)}mplier <= b;`,
        `${i(1)}cnt <= ${cw(w)}'d${w};`,
        `${i(1)}busy <= 1'b1;`,
        'end else if (busy) begin',
        `${i(1)}if (mplier[0]) product <= product + mcand;`,
        `${i(1)}mcand <= mcand << 1;`,
        `${i(1)}mplier <= mplier >> 1;`,
        `${i(1)}cnt <= cnt - 1'b1;`,
        `${i(1)}if (cnt == ${cw(w)}'d1) begin`,
        `${i(2)}busy <= 1'b0;`,
        `${i(2)}done <= 1'b1;`,
        `${i(1)}end`,
        'end',
      ]),
    ].join('\n');
    return {
      module: ctx.rng.pick(['shift_add_mult', `mult${w}_seq`, 'seq_multiplier']),
      ports: [...clockAndReset(ctx), startPort(start), inp('a', w, 'multiplicand'), inp('b', w, 'multiplier'), out('product', 2 * w, 'a * b', { reg: true }), out('busy', 1, 'multiplication in progress', { reg: true }), out('done', 1, 'one-cycle pulse when product is ready', { reg: true })],
      body,
      behaviour: [
        `A sequential shift-and-add multiplier for unsigned ${w}-bit operands. When ${start} is high and the unit is idle, it latches a and b, clears product and sets busy. Each following cycle it adds the shifted multiplicand to product if the current multiplier bit (LSB first) is 1, then shifts; after ${w} cycles busy falls and done pulses for one cycle with product = a * b (${2 * w} bits). ${start} is ignored while busy. ${resets(ctx, 'Everything clears to 0')}`,
        `Multiply two unsigned ${w}-bit numbers in ${w} clock cycles with one adder: product accumulates a << k for every set bit k of b. Handshake: ${start} (accepted only when not busy), busy while working, done for one cycle at the end; product holds until the next start.`,
        `Radix-2 iterative multiplier (${w}x${w} -> ${2 * w} bits) with start/busy/done; ${w} iterations, LSB-first.`,
        `Sequential ${w}-bit shift-add multiplier. ${resets(ctx, 'Clear')}`,
      ],
      cycles: 300,
    };
  },
};

export const boothMultiplier: Family = {
  name: 'multiplier_booth',
  category: 'arithmetic',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 16) }),
  design(p, ctx) {
    const w = Number(p.width);
    const i = (l: number) => ctx.ind(l);
    const start = ctx.rng.pick(['start', 'go']);
    const body = [
      `${i(1)}reg [${w}:0] acc;`,
      `${i(1)}reg [${w - 1}:0] q;`,
      `${i(1)}reg q_1;`,
      `${i(1)}reg [${w}:0] m;`,
      `${i(1)}reg [${cw(w) - 1}:0] cnt;`,
      `${i(1)}reg [${w}:0] sum;`,
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}case ({q[0], q_1})`,
      `${i(3)}2'b01: sum = acc + m;`,
      `${i(3)}2'b10: sum = acc - m;`,
      `${i(3)}default: sum = acc;`,
      `${i(2)}endcase`,
      `${i(1)}end`,
      ctx.seqBlock([`acc <= ${w + 1}'d0;`, `q <= ${w}'d0;`, "q_1 <= 1'b0;", `m <= ${w + 1}'d0;`, `cnt <= ${cw(w)}'d0;`, "busy <= 1'b0;", "done <= 1'b0;"], [
        "done <= 1'b0;",
        `if (${start} && !busy) begin`,
        `${i(1)}acc <= ${w + 1}'d0;`,
        `${i(1)}q <= b;`,
        `${i(1)}q_1 <= 1'b0;`,
        `${i(1)}m <= {a[${w - 1}], a};`,
        `${i(1)}cnt <= ${cw(w)}'d${w};`,
        `${i(1)}busy <= 1'b1;`,
        'end else if (busy) begin',
        `${i(1)}{acc, q, q_1} <= {sum[${w}], sum, q};`,
        `${i(1)}cnt <= cnt - 1'b1;`,
        `${i(1)}if (cnt == ${cw(w)}'d1) begin`,
        `${i(2)}busy <= 1'b0;`,
        `${i(2)}done <= 1'b1;`,
        `${i(1)}end`,
        'end',
      ]),
      `${i(1)}assign product = {acc[${w - 1}:0], q};`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['booth_mult', `booth${w}`, 'booth_multiplier']),
      ports: [...clockAndReset(ctx), startPort(start), inp('a', w, "multiplicand (two's complement)", { signed: true }), inp('b', w, "multiplier (two's complement)", { signed: true }), out('product', 2 * w, 'signed product a * b'), out('busy', 1, 'multiplication in progress', { reg: true }), out('done', 1, 'one-cycle pulse when the product is ready', { reg: true })],
      body,
      behaviour: [
        `A radix-2 Booth multiplier for signed ${w}-bit numbers. On ${start} while idle: load the multiplicand a (sign-extended to ${w + 1} bits), the multiplier b into Q, clear the ${w + 1}-bit accumulator A and the extra bit Q-1, set busy. Each of the next ${w} cycles: if {Q[0], Q-1} is 01 add the multiplicand to A, if 10 subtract it, then arithmetic-shift {A, Q, Q-1} right by one. Then busy falls and done pulses for one cycle; product = {A[${w - 1}:0], Q} is the ${2 * w}-bit signed product. ${resets(ctx, 'All registers clear to 0')}`,
        `Sequential signed multiplier using Booth recoding: ${w} add/subtract-and-shift steps, start/busy/done handshake, ${2 * w}-bit two's complement product.`,
        `Booth's algorithm in hardware for ${w}-bit two's complement operands, one step per clock after ${start}; done marks the cycle the product becomes valid.`,
        `Booth multiplier ${w}x${w} signed. ${resets(ctx, 'Clear')}`,
      ],
      cycles: 300,
    };
  },
};

export const restoringDivider: Family = {
  name: 'divider_restoring',
  category: 'arithmetic',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 16) }),
  design(p, ctx) {
    const w = Number(p.width);
    const i = (l: number) => ctx.ind(l);
    const start = ctx.rng.pick(['start', 'go']);
    const body = [
      `${i(1)}reg [${w}:0] r;`,
      `${i(1)}reg [${w - 1}:0] d;`,
      `${i(1)}reg [${cw(w) - 1}:0] cnt;`,
      `${i(1)}wire [${w}:0] shifted = {r[${w - 1}:0], quotient[${w - 1}]};`,
      `${i(1)}wire [${w + 1}:0] diff = {1'b0, shifted} - {2'b00, d};`,
      ctx.seqBlock([`r <= ${w + 1}'d0;`, `d <= ${w}'d0;`, `quotient <= ${w}'d0;`, `cnt <= ${cw(w)}'d0;`, "busy <= 1'b0;", "done <= 1'b0;"], [
        "done <= 1'b0;",
        `if (${start} && !busy) begin`,
        `${i(1)}r <= ${w + 1}'d0;`,
        `${i(1)}quotient <= dividend;`,
        `${i(1)}d <= divisor;`,
        `${i(1)}cnt <= ${cw(w)}'d${w};`,
        `${i(1)}busy <= 1'b1;`,
        'end else if (busy) begin',
        `${i(1)}if (diff[${w + 1}]) begin`,
        `${i(2)}r <= shifted;`,
        `${i(2)}quotient <= {quotient[${w - 2}:0], 1'b0};`,
        `${i(1)}end else begin`,
        `${i(2)}r <= diff[${w}:0];`,
        `${i(2)}quotient <= {quotient[${w - 2}:0], 1'b1};`,
        `${i(1)}end`,
        `${i(1)}cnt <= cnt - 1'b1;`,
        `${i(1)}if (cnt == ${cw(w)}'d1) begin`,
        `${i(2)}busy <= 1'b0;`,
        `${i(2)}done <= 1'b1;`,
        `${i(1)}end`,
        'end',
      ]),
      `${i(1)}assign remainder = r[${w - 1}:0];`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['divider', `div${w}`, 'restoring_divider']),
      ports: [...clockAndReset(ctx), startPort(start), inp('dividend', w, 'dividend'), inp('divisor', w, 'divisor'), out('quotient', w, 'quotient', { reg: true }), out('remainder', w, 'remainder'), out('busy', 1, 'division in progress', { reg: true }), out('done', 1, 'one-cycle pulse when the result is ready', { reg: true })],
      body,
      behaviour: [
        `A sequential restoring divider for unsigned ${w}-bit numbers. On ${start} while idle: load the dividend into the quotient register, clear the ${w + 1}-bit partial remainder R, latch the divisor, set busy. Each of the next ${w} cycles: shift {R, quotient} left by one; if the shifted R is at least the divisor, subtract it and shift in a 1, else keep the shifted R and shift in a 0. Then busy falls and done pulses for one cycle; remainder = R[${w - 1}:0]. Division by zero gives an all-ones quotient and the dividend as remainder. ${resets(ctx, 'All registers clear to 0')}`,
        `Unsigned ${w}-bit division by repeated shift-and-subtract (restoring algorithm), one quotient bit per clock, with start/busy/done; quotient and remainder stay valid until the next start.`,
        `Iterative divider: ${w} steps, each comparing the partial remainder with the divisor and restoring it when the trial subtraction goes negative.`,
        `Restoring divider, ${w} bits, unsigned. ${resets(ctx, 'Clear')}`,
      ],
      cycles: 300,
    };
  },
};

export const serializer: Family = {
  name: 'serializer',
  category: 'serial',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), msbFirst: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const msb = Boolean(p.msbFirst);
    const i = (l: number) => ctx.ind(l);
    const [load, d, so] = ctx.rng.pick([['load', 'data', 'sout'], ['start', 'din', 'serial_out'], ['ld', 'pdata', 'tx']]) as [string, string, string];
    const body = [
      `${i(1)}reg [${w - 1}:0] shreg;`,
      `${i(1)}reg [${cw(w) - 1}:0] left;`,
      ctx.seqBlock([`shreg <= ${w}'d0;`, `left <= ${cw(w)}'d0;`], [
        `if (${load} && left == ${cw(w)}'d0) begin`,
        `${i(1)}shreg <= ${d};`,
        `${i(1)}left <= ${cw(w)}'d${w};`,
        `end else if (left != ${cw(w)}'d0) begin`,
        `${i(1)}shreg <= ${msb ? 'shreg << 1' : 'shreg >> 1'};`,
        `${i(1)}left <= left - 1'b1;`,
        'end',
      ]),
      `${i(1)}assign ${so} = (left != ${cw(w)}'d0) ? shreg[${msb ? w - 1 : 0}] : 1'b0;`,
      `${i(1)}assign busy = (left != ${cw(w)}'d0);`,
    ].join('\n');
    const order = msb ? 'MSB first' : 'LSB first';
    return {
      module: ctx.rng.pick(['serializer', 'piso', `ser${w}`]),
      ports: [...clockAndReset(ctx), inp(load, 1, 'load the parallel word', { stim: { kind: 'high', p: 0.2 } }), inp(d, w, 'parallel data'), out(so, 1, 'serial output'), out('busy', 1, 'shifting')],
      body,
      behaviour: [
        `A parallel-in serial-out converter for ${w}-bit words, ${order}. When ${load} is high at a rising clock edge and the unit is idle, the word ${d} is captured and busy goes high for the next ${w} cycles; during those cycles ${so} presents one bit per cycle, ${order}. When idle, ${so} is 0 and ${load} is accepted again. ${resets(ctx, 'The unit goes idle')}`,
        `Serializer: latch ${d} on ${load} (only when not busy), then shift it out over ${w} clock cycles ${order}; busy is high while bits are being sent; the output is 0 when idle.`,
        `PISO shift register with a bit counter: ${w} bits, ${order}, busy flag, ignores ${load} while sending.`,
        `${w}-bit serializer, ${order}. ${resets(ctx, 'Idle')}`,
      ],
      cycles: 300,
    };
  },
};

export const deserializer: Family = {
  name: 'deserializer',
  category: 'serial',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), msbFirst: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const msb = Boolean(p.msbFirst);
    const i = (l: number) => ctx.ind(l);
    const [si, sv, q, qv] = ctx.rng.pick([['sin', 'sin_valid', 'data', 'data_valid'], ['rx', 'rx_valid', 'word', 'word_valid'], ['serial_in', 'in_valid', 'pdata', 'out_valid']]) as [string, string, string, string];
    const shift = msb ? `{shreg[${w - 2}:0], ${si}}` : `{${si}, shreg[${w - 1}:1]}`;
    const body = [
      `${i(1)}reg [${w - 1}:0] shreg;`,
      `${i(1)}reg [${cw(w - 1) - 1}:0] got;`,
      ctx.seqBlock([`shreg <= ${w}'d0;`, `got <= ${cw(w - 1)}'d0;`, `${q} <= ${w}'d0;`, `${qv} <= 1'b0;`], [
        `${qv} <= 1'b0;`,
        `if (${sv}) begin`,
        `${i(1)}shreg <= ${shift};`,
        `${i(1)}if (got == ${cw(w - 1)}'d${w - 1}) begin`,
        `${i(2)}got <= ${cw(w - 1)}'d0;`,
        `${i(2)}${q} <= ${shift};`,
        `${i(2)}${qv} <= 1'b1;`,
        `${i(1)}end else got <= got + 1'b1;`,
        'end',
      ]),
    ].join('\n');
    const order = msb ? 'MSB first' : 'LSB first';
    return {
      module: ctx.rng.pick(['deserializer', 'sipo', `deser${w}`]),
      ports: [...clockAndReset(ctx), inp(si, 1, 'serial input bit'), inp(sv, 1, 'serial bit valid', { stim: { kind: 'high', p: 0.7 } }), out(q, w, 'assembled word', { reg: true }), out(qv, 1, 'word valid, one cycle', { reg: true })],
      body,
      behaviour: [
        `A serial-in parallel-out converter: on each rising clock edge where ${sv} is high, take the bit ${si} (the words arrive ${order}). After every ${w} accepted bits, present the assembled word on ${q} and pulse ${qv} for one cycle; ${q} holds until the next word. ${resets(ctx, 'The bit counter, shift register and outputs clear to 0')}`,
        `Deserializer for ${w}-bit words sent ${order}: shift ${si} in when ${sv} is 1, count bits, and on the ${w}th bit register the whole word and raise ${qv} for one clock.`,
        `SIPO with a valid strobe: gather ${w} valid serial bits ${order} into a word; output it with a one-cycle valid pulse.`,
        `${w}-bit deserializer, ${order}. ${resets(ctx, 'Clear')}`,
      ],
      cycles: 300,
    };
  },
};

export const fixedPriorityArbiter: Family = {
  name: 'arbiter_fixed',
  category: 'arbiter',
  clocked: false,
  params: (rng) => ({ n: sized(rng, [2, 3, 4, 8], 2, 16), lowFirst: rng.chance(0.6) }),
  design(p, ctx) {
    const n = Number(p.n);
    const low = Boolean(p.lowFirst);
    const [req, gnt] = ctx.rng.pick([['req', 'gnt'], ['request', 'grant'], ['req', 'grant']]) as [string, string];
    const i = (l: number) => ctx.ind(l);
    const body = low
      ? `${i(1)}assign ${gnt} = ${req} & (~${req} + ${n}'d1);`
      : [`${i(1)}integer k;`, `${i(1)}reg found;`, `${i(1)}${ctx.alwaysComb} begin`, `${i(2)}${gnt} = ${n}'d0;`, `${i(2)}found = 1'b0;`,
        `${i(2)}for (k = ${n - 1}; k >= 0; k = k - 1)`, `${i(3)}if (${req}[k] && !found) begin`, `${i(4)}${gnt}[k] = 1'b1;`, `${i(4)}found = 1'b1;`, `${i(3)}end`, `${i(1)}end`].join('\n');
    const who = low ? `bit 0 has the highest priority` : `bit ${n - 1} has the highest priority`;
    return {
      module: ctx.rng.pick(['fixed_arbiter', `arb${n}`, 'priority_arbiter']),
      ports: [inp(req, n, 'requests', { stim: { kind: 'hold', p: 0.6 } }), out(gnt, n, 'one-hot grant', { reg: !low })],
      body,
      behaviour: [
        `A fixed-priority arbiter for ${n} requesters: ${gnt} has exactly one bit set, for the highest-priority active request, where ${who}; with no request ${gnt} is 0. Purely combinational.`,
        `Grant the ${low ? 'lowest' : 'highest'}-numbered asserted bit of ${req}: ${gnt} is one-hot (or zero when ${req} is zero).`,
        `Combinational priority arbiter, ${n} inputs, ${who}.`,
        `${n}-way fixed priority arbiter, ${low ? 'LSB' : 'MSB'} wins.`,
      ],
    };
  },
};

export const roundRobinArbiter: Family = {
  name: 'arbiter_round_robin',
  category: 'arbiter',
  clocked: true,
  params: (rng) => ({ n: sized(rng, [2, 3, 4, 8], 2, 16) }),
  design(p, ctx) {
    const n = Number(p.n);
    const pw = Math.max(1, Math.ceil(Math.log2(n)));
    const i = (l: number) => ctx.ind(l);
    const [req, gnt] = ctx.rng.pick([['req', 'gnt'], ['request', 'grant']]) as [string, string];
    const body = [
      `${i(1)}reg [${pw - 1}:0] pointer;`,
      `${i(1)}reg [${pw - 1}:0] idx;`,
      `${i(1)}integer k;`,
      `${i(1)}reg found;`,
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}${gnt} = ${n}'d0;`,
      `${i(2)}idx = ${pw}'d0;`,
      `${i(2)}found = 1'b0;`,
      `${i(2)}for (k = 0; k < ${n}; k = k + 1) begin`,
      `${i(3)}if (!found && ${req}[(pointer + k) % ${n}]) begin`,
      `${i(4)}found = 1'b1;`,
      `${i(4)}idx = (pointer + k) % ${n};`,
      `${i(3)}end`,
      `${i(2)}end`,
      `${i(2)}if (found) ${gnt}[idx] = 1'b1;`,
      `${i(1)}end`,
      ctx.seqBlock([`pointer <= ${pw}'d0;`], [`if (|${req}) pointer <= (idx + 1) % ${n};`]),
    ].join('\n');
    return {
      module: ctx.rng.pick(['rr_arbiter', 'round_robin_arbiter', `rr_arb${n}`]),
      ports: [...clockAndReset(ctx), inp(req, n, 'requests', { stim: { kind: 'hold', p: 0.5 } }), out(gnt, n, 'one-hot grant', { reg: true })],
      body,
      behaviour: [
        `A round-robin arbiter for ${n} requesters. A pointer (reset to 0) names the requester with the highest priority; the grant ${gnt} (combinational, one-hot) goes to the first active request found searching upward from the pointer, wrapping around. At each rising clock edge where some request is active, the pointer moves to the requester after the one granted. ${resets(ctx, 'The pointer clears to 0')}`,
        `Fair arbiter among ${n} requests: rotate priority so that the requester just granted gets the lowest priority next cycle. ${gnt} is zero when there is no request.`,
        `Round-robin grant logic with a registered priority pointer updated to (granted index + 1) mod ${n} whenever any request is present.`,
        `${n}-way round-robin arbiter. ${resets(ctx, 'Pointer 0')}`,
      ],
    };
  },
};

export const DATAPATH: Family[] = [
  shiftAddMultiplier, boothMultiplier, restoringDivider, serializer, deserializer, fixedPriorityArbiter, roundRobinArbiter,
];
