import { bits, sized, type DesignContext, type Family, type Port } from '../family.js';

const inp = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'input', width, desc, ...extra });
const out = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'output', width, desc, ...extra });
const enable = (name: string): Port => inp(name, 1, 'enable', { stim: { kind: 'high', p: 0.75 } });
const clockAndReset = (ctx: DesignContext): Port[] => [ctx.clockPort(), ctx.resetPort()];

/** "q clears to 0 while rst is high at a rising clock edge." */
const resets = (ctx: DesignContext, what: string): string => `${what} ${ctx.resetPhrase()}.`;

export const upCounter: Family = {
  name: 'counter_up',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), enable: rng.chance(0.6), parameterized: rng.chance(0.4) }),
  design(p, ctx) {
    const w = Number(p.width);
    const hasEn = Boolean(p.enable);
    const param = Boolean(p.parameterized);
    const q = ctx.rng.pick(['count', 'q', 'cnt']);
    const en = ctx.rng.pick(['en', 'enable', 'ce']);
    const zero = param ? "{WIDTH{1'b0}}" : `${w}'d0`;
    const one = param ? "{{(WIDTH-1){1'b0}}, 1'b1}" : `${w}'d1`;
    const body = ctx.seqBlock([`${q} <= ${zero};`], [`${hasEn ? `if (${en}) ` : ''}${q} <= ${q} + ${one};`]);
    const enText = hasEn ? ` only when ${en} is high (otherwise it holds)` : '';
    return {
      module: ctx.rng.pick(['counter', 'up_counter', `counter${w}`]),
      parameters: param ? [{ name: 'WIDTH', value: w }] : undefined,
      ports: [...clockAndReset(ctx), ...(hasEn ? [enable(en)] : []), out(q, w, 'the count', { reg: true, range: param ? 'WIDTH-1:0' : undefined })],
      body,
      behaviour: [
        `A ${bits(w)} up counter: on each rising edge of ${ctx.clk} the count ${q} increases by one${enText}, wrapping to 0 after ${2 ** w - 1}. ${resets(ctx, `${q} clears to 0`)}`,
        `Count clock cycles${enText}. ${q} is ${w} bits and rolls over. The ${ctx.describeReset()} ${ctx.reset.name} sets it to zero.`,
        `Binary counter, ${w} bits wide, incrementing on ${ctx.clk}'s rising edge${enText}. Reset (${ctx.reset.name}, ${ctx.describeReset()}) forces zero.`,
        `Increment ${q} every clock${enText}; ${resets(ctx, 'it goes to 0')}`,
      ],
    };
  },
};

export const upDownCounter: Family = {
  name: 'counter_updown',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), enable: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const hasEn = Boolean(p.enable);
    const q = ctx.rng.pick(['count', 'q', 'cnt']);
    const up = ctx.rng.pick(['up', 'up_down', 'dir']);
    const en = ctx.rng.pick(['en', 'enable']);
    const step = `${q} <= ${up} ? ${q} + ${w}'d1 : ${q} - ${w}'d1;`;
    const body = ctx.seqBlock([`${q} <= ${w}'d0;`], [hasEn ? `if (${en}) ${step}` : step]);
    const enText = hasEn ? `, when ${en} is high,` : '';
    return {
      module: ctx.rng.pick(['updown_counter', 'up_down_counter', `udcnt${w}`]),
      ports: [...clockAndReset(ctx), inp(up, 1, 'count direction: 1 up, 0 down', { stim: { kind: 'hold', p: 0.1 } }), ...(hasEn ? [enable(en)] : []), out(q, w, 'the count', { reg: true })],
      body,
      behaviour: [
        `A ${bits(w)} up/down counter: at each rising clock edge${enText} ${q} increments when ${up} is 1 and decrements when ${up} is 0, wrapping around in both directions. ${resets(ctx, `${q} clears to 0`)}`,
        `Counter that counts up or down (${up}=1 up, ${up}=0 down) every clock${enText}; modulo 2^${w}. The ${ctx.describeReset()} ${ctx.reset.name} clears it.`,
        `${w}-bit bidirectional counter with direction input ${up}${hasEn ? ` and enable ${en}` : ''}; ${resets(ctx, 'the count is zeroed')}`,
        `Up-down counter (${w} bits). Direction ${up}. ${resets(ctx, 'Reset to zero')}`,
      ],
    };
  },
};

export const modNCounter: Family = {
  name: 'counter_modn',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ n: sized(rng, [3, 5, 6, 10, 12, 60, 100], 2, 200), tick: rng.chance(0.5) }),
  design(p, ctx) {
    const n = Number(p.n);
    const w = Math.ceil(Math.log2(n));
    const tick = Boolean(p.tick);
    const q = ctx.rng.pick(['count', 'q', 'cnt']);
    const t = ctx.rng.pick(['tc', 'wrap', 'tick']);
    const body = [
      ctx.seqBlock([`${q} <= ${w}'d0;`], [`if (${q} == ${w}'d${n - 1}) ${q} <= ${w}'d0;`, `else ${q} <= ${q} + ${w}'d1;`]),
      ...(tick ? [`${ctx.ind(1)}assign ${t} = (${q} == ${w}'d${n - 1});`] : []),
    ].join('\n');
    const tickText = tick ? ` ${t} is 1 while ${q} equals ${n - 1}.` : '';
    return {
      module: ctx.rng.pick([`mod${n}_counter`, `counter_mod${n}`, 'modn_counter']),
      ports: [...clockAndReset(ctx), out(q, w, 'the count', { reg: true }), ...(tick ? [out(t, 1, 'terminal count')] : [])],
      body,
      behaviour: [
        `A modulo-${n} counter: ${q} counts 0, 1, ..., ${n - 1}, 0, ... advancing on each rising clock edge.${tickText} ${resets(ctx, `${q} clears to 0`)}`,
        `Count from 0 to ${n - 1} and wrap back to 0 (${w}-bit output ${q}).${tickText} Reset: ${ctx.reset.name} (${ctx.describeReset()}).`,
        `Divide-by-${n} counter with state ${q} cycling through ${n} values.${tickText} ${resets(ctx, 'Reset returns to 0')}`,
        `Mod-${n} counter.${tickText} ${resets(ctx, 'Zero')}`,
      ],
    };
  },
};

export const bcdCounter: Family = {
  name: 'counter_bcd',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ enable: rng.chance(0.6) }),
  design(p, ctx) {
    const hasEn = Boolean(p.enable);
    const q = ctx.rng.pick(['digit', 'bcd', 'q']);
    const co = ctx.rng.pick(['carry', 'co', 'cout']);
    const en = ctx.rng.pick(['en', 'enable', 'inc']);
    const step = [`if (${q} == 4'd9) ${q} <= 4'd0;`, `else ${q} <= ${q} + 4'd1;`];
    const body = [
      ctx.seqBlock([`${q} <= 4'd0;`], hasEn ? [`if (${en}) begin`, ...step.map((s) => ctx.ind(1) + s), 'end'] : step),
      `${ctx.ind(1)}assign ${co} = ${hasEn ? `${en} && ` : ''}(${q} == 4'd9);`,
    ].join('\n');
    const enText = hasEn ? ` when ${en} is high` : '';
    return {
      module: ctx.rng.pick(['bcd_counter', 'decade_counter', 'bcd_digit']),
      ports: [...clockAndReset(ctx), ...(hasEn ? [enable(en)] : []), out(q, 4, 'BCD digit', { reg: true }), out(co, 1, 'carry to the next digit')],
      body,
      behaviour: [
        `A BCD (decade) counter: the 4-bit digit ${q} counts 0 to 9 and wraps to 0 on rising clock edges${enText}. ${co} is 1 when ${q} is 9${hasEn ? ` and ${en} is high` : ''}, so digits can be chained. ${resets(ctx, `${q} clears to 0`)}`,
        `One decimal digit counter${enText}: 0..9 then back to 0, with carry output ${co} = (${q} == 9)${hasEn ? ` && ${en}` : ''}. Reset: ${ctx.reset.name} (${ctx.describeReset()}).`,
        `Decade counter producing a BCD digit ${q} and a carry ${co} for cascading. ${resets(ctx, 'Reset to 0')}`,
        `BCD counter 0-9${enText}, carry ${co}. ${resets(ctx, 'Clear')}`,
      ],
    };
  },
};

export const grayCounter: Family = {
  name: 'counter_gray',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [3, 4, 5, 8], 2, 16) }),
  design(p, ctx) {
    const w = Number(p.width);
    const g = ctx.rng.pick(['gray', 'q', 'gray_count']);
    const body = [
      `${ctx.ind(1)}reg [${w - 1}:0] bin;`,
      ctx.seqBlock([`bin <= ${w}'d0;`], [`bin <= bin + ${w}'d1;`]),
      `${ctx.ind(1)}assign ${g} = bin ^ (bin >> 1);`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['gray_counter', `gray_cnt${w}`, 'graycounter']),
      ports: [...clockAndReset(ctx), out(g, w, 'count in Gray code')],
      body,
      behaviour: [
        `A ${bits(w)} Gray-code counter: ${g} steps through the reflected binary Gray sequence (0, 1, 3, 2, 6, ...) one step per rising clock edge, so exactly one bit changes per step. ${resets(ctx, 'The sequence restarts at 0')}`,
        `Keep a binary count internally and output its Gray code ${g} = bin ^ (bin >> 1); ${w} bits, advancing every clock. ${resets(ctx, 'Zero')}`,
        `Gray counter of width ${w} whose output changes one bit per clock cycle. The ${ctx.describeReset()} ${ctx.reset.name} clears it to 0.`,
        `Counter with Gray-coded output ${g}, ${w} bits. ${resets(ctx, 'Reset to 0')}`,
      ],
    };
  },
};

export const johnsonCounter: Family = {
  name: 'counter_johnson',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [3, 4, 5, 8], 2, 16) }),
  design(p, ctx) {
    const w = Number(p.width);
    const q = ctx.rng.pick(['q', 'state', 'jc']);
    const body = ctx.seqBlock([`${q} <= ${w}'d0;`], [`${q} <= {${q}[${w - 2}:0], ~${q}[${w - 1}]};`]);
    return {
      module: ctx.rng.pick(['johnson_counter', `johnson${w}`, 'twisted_ring']),
      ports: [...clockAndReset(ctx), out(q, w, 'counter state', { reg: true })],
      body,
      behaviour: [
        `A ${bits(w)} Johnson (twisted-ring) counter: each rising clock edge shifts ${q} left by one, feeding the inverted MSB into bit 0. It cycles through ${2 * w} states. ${resets(ctx, `${q} clears to 0`)}`,
        `Twisted ring counter: ${q} <= {${q}[${w - 2}:0], ~${q}[${w - 1}]} every clock. The ${ctx.describeReset()} ${ctx.reset.name} clears it to all zeros.`,
        `Johnson counter, width ${w}, starting from zero after reset and filling with ones then zeros from the right.`,
        `${w}-bit Johnson counter. ${resets(ctx, 'Zero')}`,
      ],
    };
  },
};

export const ringCounter: Family = {
  name: 'counter_ring',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 5, 8], 2, 16), left: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const left = Boolean(p.left);
    const q = ctx.rng.pick(['q', 'ring', 'state']);
    const rot = left ? `{${q}[${w - 2}:0], ${q}[${w - 1}]}` : `{${q}[0], ${q}[${w - 1}:1]}`;
    const body = ctx.seqBlock([`${q} <= ${w}'d1;`], [`${q} <= ${rot};`]);
    return {
      module: ctx.rng.pick(['ring_counter', `ring${w}`, 'one_hot_ring']),
      ports: [...clockAndReset(ctx), out(q, w, 'one-hot state', { reg: true })],
      body,
      behaviour: [
        `A ${bits(w)} ring counter: a single 1 circulates, rotating ${left ? 'left (towards the MSB)' : 'right (towards the LSB)'} by one position each rising clock edge. ${resets(ctx, `${q} becomes ${w}'b${'1'.padStart(w, '0')}`)}`,
        `One-hot ring counter of ${w} bits; reset value has only bit 0 set; every clock the pattern rotates ${left ? 'left' : 'right'}. Reset: ${ctx.reset.name} (${ctx.describeReset()}).`,
        `Rotate a one-hot token around ${w} flip-flops (${left ? 'left' : 'right'} rotation), starting from bit 0 after reset.`,
        `Ring counter, ${w} bits, ${left ? 'left' : 'right'}. ${resets(ctx, 'Load 1')}`,
      ],
    };
  },
};

export const loadableCounter: Family = {
  name: 'counter_load',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), down: rng.chance(0.4) }),
  design(p, ctx) {
    const w = Number(p.width);
    const down = Boolean(p.down);
    const q = ctx.rng.pick(['q', 'count']);
    const ld = ctx.rng.pick(['load', 'ld']);
    const d = ctx.rng.pick(['d', 'din', 'load_value']);
    const en = ctx.rng.pick(['en', 'enable']);
    const body = ctx.seqBlock([`${q} <= ${w}'d0;`], [`if (${ld}) ${q} <= ${d};`, `else if (${en}) ${q} <= ${q} ${down ? '-' : '+'} ${w}'d1;`]);
    return {
      module: ctx.rng.pick(['loadable_counter', `load_cnt${w}`, down ? 'down_counter' : 'counter_load']),
      ports: [...clockAndReset(ctx), inp(ld, 1, 'load', { stim: { kind: 'high', p: 0.1 } }), inp(d, w, 'value to load'), enable(en), out(q, w, 'the count', { reg: true })],
      body,
      behaviour: [
        `A ${bits(w)} loadable ${down ? 'down' : 'up'} counter. On a rising clock edge: if ${ld} is 1, ${q} takes ${d}; otherwise, if ${en} is 1, ${q} ${down ? 'decrements' : 'increments'} by one (wrapping). ${resets(ctx, `${q} clears to 0`)} Load has priority over counting.`,
        `Counter with synchronous parallel load: ${ld} loads ${d}, else ${en} ${down ? 'counts down' : 'counts up'}. The ${ctx.describeReset()} ${ctx.reset.name} clears it to 0. Width ${w}.`,
        `${w}-bit ${down ? 'down' : 'up'}-counter with load (${ld}, data ${d}) and enable (${en}); loading wins over counting. ${resets(ctx, 'Reset clears it')}`,
        `Loadable counter, ${down ? 'down' : 'up'}, ${w} bits. ${resets(ctx, 'Zero')}`,
      ],
    };
  },
};

export const shiftRegister: Family = {
  name: 'shift_register',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 8, 16], 2, 32), left: rng.chance(0.5), enable: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const left = Boolean(p.left);
    const hasEn = Boolean(p.enable);
    const q = ctx.rng.pick(['q', 'data', 'sr']);
    const si = ctx.rng.pick(['din', 'sin', 'serial_in']);
    const so = ctx.rng.pick(['dout', 'sout', 'serial_out']);
    const en = ctx.rng.pick(['en', 'shift']);
    const shift = left ? `${q} <= {${q}[${w - 2}:0], ${si}};` : `${q} <= {${si}, ${q}[${w - 1}:1]};`;
    const body = [
      ctx.seqBlock([`${q} <= ${w}'d0;`], [`${hasEn ? `if (${en}) ` : ''}${shift}`]),
      `${ctx.ind(1)}assign ${so} = ${q}[${left ? w - 1 : 0}];`,
    ].join('\n');
    const enText = hasEn ? ` while ${en} is high` : '';
    return {
      module: ctx.rng.pick(['shift_register', `shreg${w}`, 'sipo_shift']),
      ports: [...clockAndReset(ctx), ...(hasEn ? [enable(en)] : []), inp(si, 1, 'serial input'), out(q, w, 'register contents', { reg: true }), out(so, 1, 'serial output')],
      body,
      behaviour: [
        `A ${bits(w)} shift register: on each rising clock edge${enText} the contents ${q} shift ${left ? 'left' : 'right'} by one and ${si} enters at the ${left ? 'LSB' : 'MSB'}. ${so} is the bit about to fall out (${q}[${left ? w - 1 : 0}]). ${resets(ctx, `${q} clears to 0`)}`,
        `Serial-in shift register of ${w} bits, shifting ${left ? 'towards the MSB' : 'towards the LSB'}${enText}; parallel output ${q}, serial output ${so} = ${left ? 'MSB' : 'LSB'}. Reset: ${ctx.reset.name} (${ctx.describeReset()}).`,
        `Shift ${si} into a ${w}-bit register from the ${left ? 'right' : 'left'} every clock${enText}; expose all bits and the ${left ? 'top' : 'bottom'} bit. ${resets(ctx, 'Reset zeroes it')}`,
        `${left ? 'Left' : 'Right'}-shifting ${w}-bit shift register with serial in/out. ${resets(ctx, 'Clear')}`,
      ],
    };
  },
};

const LFSR_TAPS: Record<number, number[]> = { 4: [4, 3], 5: [5, 3], 8: [8, 6, 5, 4], 16: [16, 14, 13, 11] };

export const lfsr: Family = {
  name: 'lfsr',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: rng.pick([4, 5, 8, 16]), seed: rng.pick([1, 5, 9]) }),
  design(p, ctx) {
    const w = Number(p.width);
    const taps = LFSR_TAPS[w]!;
    const seed = Number(p.seed);
    const q = ctx.rng.pick(['q', 'lfsr', 'state']);
    const fb = taps.map((t) => `${q}[${t - 1}]`).join(' ^ ');
    const body = [
      `${ctx.ind(1)}wire feedback = ${fb};`,
      ctx.seqBlock([`${q} <= ${w}'d${seed};`], [`${q} <= {${q}[${w - 2}:0], feedback};`]),
    ].join('\n');
    const tapList = taps.join(', ');
    return {
      module: ctx.rng.pick(['lfsr', `lfsr${w}`, 'prbs_gen']),
      ports: [...clockAndReset(ctx), out(q, w, 'LFSR state', { reg: true })],
      body,
      behaviour: [
        `A ${bits(w)} Fibonacci LFSR: every rising clock edge ${q} shifts left by one and the new bit 0 is the XOR of bits ${taps.map((t) => t - 1).join(', ')} (taps ${tapList}, counting from 1). ${resets(ctx, `${q} loads ${seed}`)}`,
        `Pseudo-random sequence generator: ${q} <= {${q}[${w - 2}:0], ${fb}}. The ${ctx.describeReset()} ${ctx.reset.name} sets the seed ${seed}.`,
        `Linear feedback shift register, ${w} bits, XOR feedback from taps ${tapList} (1-based) shifted in at the LSB; seed ${seed} on reset.`,
        `${w}-bit LFSR with taps ${tapList}. ${resets(ctx, `Seed ${seed}`)}`,
      ],
    };
  },
};

export const edgeDetector: Family = {
  name: 'edge_detector',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ edge: rng.pick(['rising', 'falling', 'both']) }),
  design(p, ctx) {
    const edge = String(p.edge);
    const s = ctx.rng.pick(['sig', 'in', 'd']);
    const y = ctx.rng.pick(['pulse', 'edge_out', 'det']);
    const expr: Record<string, string> = { rising: `${s} & ~prev`, falling: `~${s} & prev`, both: `${s} ^ prev` };
    const body = [
      `${ctx.ind(1)}reg prev;`,
      ctx.seqBlock(["prev <= 1'b0;"], [`prev <= ${s};`]),
      `${ctx.ind(1)}assign ${y} = ${expr[edge]};`,
    ].join('\n');
    const what = edge === 'both' ? 'any change (rising or falling)' : `a ${edge} edge`;
    return {
      module: ctx.rng.pick([`${edge}_edge_detector`, 'edge_detect', 'edge_detector']),
      ports: [...clockAndReset(ctx), inp(s, 1, 'input signal', { stim: { kind: 'hold', p: 0.3 } }), out(y, 1, 'edge pulse')],
      body,
      behaviour: [
        `Detect ${what} on ${s}: register ${s} every rising clock edge (the previous value, reset to 0 ${ctx.resetPhrase()}), and drive ${y} high combinationally while the current ${s} and the registered previous value show ${what}.`,
        `${edge[0]!.toUpperCase()}${edge.slice(1)}-edge detector: ${y} = ${expr[edge]!.replace('prev', `${s} delayed by one clock`)}. The delay register resets to 0 (${ctx.describeReset()} ${ctx.reset.name}).`,
        `Compare ${s} with its value at the previous clock edge and output a pulse on ${y} for ${what}.`,
        `Edge detector (${edge}). ${resets(ctx, 'The history bit clears')}`,
      ],
    };
  },
};

export const debouncer: Family = {
  name: 'debouncer',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ stable: sized(rng, [3, 4, 8, 15], 2, 32) }),
  design(p, ctx) {
    const n = Number(p.stable);
    const w = Math.ceil(Math.log2(n + 1));
    const b = ctx.rng.pick(['button', 'noisy', 'in']);
    const y = ctx.rng.pick(['clean', 'out', 'debounced']);
    const body = [
      `${ctx.ind(1)}reg [${w - 1}:0] cnt;`,
      ctx.seqBlock([`cnt <= ${w}'d0;`, `${y} <= 1'b0;`], [
        `if (${b} == ${y}) cnt <= ${w}'d0;`,
        `else if (cnt == ${w}'d${n - 1}) begin`,
        `${ctx.ind(1)}${y} <= ${b};`,
        `${ctx.ind(1)}cnt <= ${w}'d0;`,
        'end else cnt <= cnt + 1\'b1;',
      ]),
    ].join('\n');
    return {
      module: ctx.rng.pick(['debouncer', 'debounce', 'button_debounce']),
      ports: [...clockAndReset(ctx), inp(b, 1, 'noisy input', { stim: { kind: 'hold', p: 0.08 } }), out(y, 1, 'debounced output', { reg: true })],
      body,
      behaviour: [
        `A debouncer: ${y} follows ${b} only after ${b} has differed from ${y} for ${n} consecutive rising clock edges. Keep a counter that resets to 0 whenever ${b} equals ${y}; when it has counted ${n} differing samples, copy ${b} to ${y} and clear the counter. ${resets(ctx, `${y} and the counter clear to 0`)}`,
        `Filter glitches on ${b}: change ${y} to the new level only once the input has held that level for ${n} clock cycles in a row. The ${ctx.describeReset()} ${ctx.reset.name} sets ${y} to 0.`,
        `Debounce ${b} with a ${n}-cycle stability requirement (counter of differing samples, cleared when ${b} == ${y}).`,
        `Debouncer, ${n} cycles. ${resets(ctx, 'Output low')}`,
      ],
      cycles: 400,
    };
  },
};

export const clockDivider: Family = {
  name: 'clock_divider',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ divide: 2 * sized(rng, [1, 2, 3, 4, 5, 8], 1, 32) }),
  design(p, ctx) {
    const n = Number(p.divide);
    const half = n / 2;
    const w = Math.max(1, Math.ceil(Math.log2(half)));
    const y = ctx.rng.pick(['clk_out', 'div_clk', 'slow_clk']);
    const body = [
      `${ctx.ind(1)}reg [${w - 1}:0] cnt;`,
      ctx.seqBlock([`cnt <= ${w}'d0;`, `${y} <= 1'b0;`], [
        `if (cnt == ${w}'d${half - 1}) begin`,
        `${ctx.ind(1)}cnt <= ${w}'d0;`,
        `${ctx.ind(1)}${y} <= ~${y};`,
        `end else cnt <= cnt + 1'b1;`,
      ]),
    ].join('\n');
    return {
      module: ctx.rng.pick([`clk_div${n}`, 'clock_divider', 'clkdiv']),
      ports: [...clockAndReset(ctx), out(y, 1, `clock divided by ${n}`, { reg: true })],
      body,
      behaviour: [
        `Divide the clock by ${n} with a 50% duty cycle: a counter runs from 0 to ${half - 1}, and each time it wraps ${y} toggles, so ${y} is high for ${half} input cycles and low for ${half}. ${resets(ctx, `${y} and the counter clear to 0`)}`,
        `Clock divider by ${n}: toggle ${y} every ${half} rising edges of ${ctx.clk}. After the ${ctx.describeReset()} ${ctx.reset.name}, ${y} starts low.`,
        `Generate ${y} at 1/${n} of the input frequency (toggle after every ${half} cycles), starting low after reset.`,
        `Divide-by-${n} clock generator. ${resets(ctx, 'Output low')}`,
      ],
    };
  },
};

export const pwm: Family = {
  name: 'pwm',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [4, 6, 8], 2, 12) }),
  design(p, ctx) {
    const w = Number(p.width);
    const duty = ctx.rng.pick(['duty', 'compare', 'level']);
    const y = ctx.rng.pick(['pwm_out', 'pwm', 'out']);
    const body = [
      `${ctx.ind(1)}reg [${w - 1}:0] cnt;`,
      ctx.seqBlock([`cnt <= ${w}'d0;`], ['cnt <= cnt + 1\'b1;']),
      `${ctx.ind(1)}assign ${y} = (cnt < ${duty});`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['pwm', `pwm${w}`, 'pwm_gen']),
      ports: [...clockAndReset(ctx), inp(duty, w, 'duty cycle', { stim: { kind: 'hold', p: 0.05 } }), out(y, 1, 'PWM output')],
      body,
      behaviour: [
        `A ${bits(w)} PWM generator: a free-running counter counts 0..${2 ** w - 1} on rising clock edges; ${y} is 1 while the counter is less than ${duty}, giving a duty cycle of ${duty}/${2 ** w}. ${resets(ctx, 'The counter clears to 0')}`,
        `Pulse-width modulator with period ${2 ** w} clocks: compare a wrapping ${w}-bit counter with ${duty} and output ${y} = (counter < ${duty}). Reset: ${ctx.reset.name} (${ctx.describeReset()}).`,
        `PWM: output high for ${duty} cycles out of every ${2 ** w}, using an up counter that resets to zero.`,
        `${w}-bit PWM. ${resets(ctx, 'Counter to 0')}`,
      ],
      cycles: 300,
    };
  },
};

export const accumulator: Family = {
  name: 'accumulator',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ inWidth: rng.pick([4, 8]), accWidth: rng.pick([8, 12, 16]), clear: rng.chance(0.5) }),
  design(p, ctx) {
    const win = Number(p.inWidth);
    const w = Math.max(Number(p.accWidth), win);
    const hasClear = Boolean(p.clear);
    const d = ctx.rng.pick(['d', 'din', 'in']);
    const acc = ctx.rng.pick(['acc', 'sum', 'total']);
    const en = ctx.rng.pick(['en', 'valid']);
    const clr = ctx.rng.pick(['clear', 'clr']);
    const body = ctx.seqBlock([`${acc} <= ${w}'d0;`], [
      ...(hasClear ? [`if (${clr}) ${acc} <= ${w}'d0;`, `else if (${en}) ${acc} <= ${acc} + ${d};`] : [`if (${en}) ${acc} <= ${acc} + ${d};`]),
    ]);
    const clearText = hasClear ? ` ${clr} (synchronous, priority over adding) sets ${acc} to 0.` : '';
    return {
      module: ctx.rng.pick(['accumulator', `acc${w}`, 'running_sum']),
      ports: [...clockAndReset(ctx), inp(d, win, 'value to add'), enable(en), ...(hasClear ? [inp(clr, 1, 'clear', { stim: { kind: 'high' as const, p: 0.05 } })] : []), out(acc, w, 'accumulated sum', { reg: true })],
      body,
      behaviour: [
        `An accumulator: on each rising clock edge where ${en} is high, add the ${win}-bit input ${d} to the ${w}-bit register ${acc} (wrapping on overflow).${clearText} ${resets(ctx, `${acc} clears to 0`)}`,
        `Running sum of ${d} over the cycles in which ${en} is asserted, kept in ${w} bits.${clearText} Reset: ${ctx.reset.name} (${ctx.describeReset()}).`,
        `Accumulate ${d} into ${acc} when ${en} = 1.${clearText} Overflow wraps modulo 2^${w}.`,
        `${w}-bit accumulator.${clearText} ${resets(ctx, 'Zero')}`,
      ],
    };
  },
};

export const pipeline: Family = {
  name: 'pipeline_register',
  category: 'sequential',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [8, 16, 32], 1, 64), stages: sized(rng, [1, 2, 3, 4], 1, 8) }),
  design(p, ctx) {
    const w = Number(p.width);
    const n = Number(p.stages);
    const d = ctx.rng.pick(['d', 'din', 'in_data']);
    const q = ctx.rng.pick(['q', 'dout', 'out_data']);
    const vi = ctx.rng.pick(['in_valid', 'valid_in', 'vin']);
    const vo = ctx.rng.pick(['out_valid', 'valid_out', 'vout']);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}reg [${w - 1}:0] data [0:${n - 1}];`,
      `${i(1)}reg [${n - 1}:0] valid;`,
      `${i(1)}integer k;`,
      ctx.seqBlock([`valid <= ${n}'d0;`, `for (k = 0; k < ${n}; k = k + 1) data[k] <= ${w}'d0;`], [
        `data[0] <= ${d};`, `valid[0] <= ${vi};`,
        `for (k = 1; k < ${n}; k = k + 1) begin`, `${i(1)}data[k] <= data[k - 1];`, `${i(1)}valid[k] <= valid[k - 1];`, 'end',
      ]),
      `${i(1)}assign ${q} = data[${n - 1}];`,
      `${i(1)}assign ${vo} = valid[${n - 1}];`,
    ].join('\n');
    return {
      module: ctx.rng.pick([`pipe${n}`, 'pipeline_reg', 'delay_line']),
      ports: [...clockAndReset(ctx), inp(d, w, 'data in'), inp(vi, 1, 'input valid', { stim: { kind: 'high', p: 0.6 } }), out(q, w, 'data out'), out(vo, 1, 'output valid')],
      body,
      behaviour: [
        `A ${n}-stage pipeline register for ${w}-bit data with a valid bit: ${d} and ${vi} appear on ${q} and ${vo} exactly ${n} rising clock edges later. ${resets(ctx, 'All stages (data and valid) clear to 0')}`,
        `Delay ${d} (${w} bits) and its valid flag ${vi} by ${n} clock cycles through a chain of registers. The ${ctx.describeReset()} ${ctx.reset.name} zeroes every stage.`,
        `Pipeline of depth ${n}: stage 0 captures the inputs, each later stage copies the one before; outputs come from the last stage.`,
        `${n}-deep valid/data delay line. ${resets(ctx, 'Clear')}`,
      ],
    };
  },
};

export const SEQUENTIAL: Family[] = [
  upCounter, upDownCounter, modNCounter, bcdCounter, grayCounter, johnsonCounter, ringCounter,
  loadableCounter, shiftRegister, lfsr, edgeDetector, debouncer, clockDivider, pwm, accumulator, pipeline,
];
