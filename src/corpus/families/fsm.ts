import { sized, type DesignContext, type Family, type Port } from '../family.js';

const inp = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'input', width, desc, ...extra });
const out = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'output', width, desc, ...extra });
const clockAndReset = (ctx: DesignContext): Port[] => [ctx.clockPort(), ctx.resetPort()];
const resets = (ctx: DesignContext, what: string): string => `${what} ${ctx.resetPhrase()}.`;

/** Length of the longest proper prefix of `s` that is also a suffix of it. */
function border(s: string): number {
  for (let k = s.length - 1; k > 0; k--) if (s.slice(0, k) === s.slice(s.length - k)) return k;
  return 0;
}

/** KMP-style next state after matching `matched` bits of `pattern` and seeing `bit`. */
function nextState(pattern: string, matched: number, bit: string, overlap: boolean): number {
  if (matched === pattern.length) matched = overlap ? border(pattern) : 0;
  let text = pattern.slice(0, matched) + bit;
  while (text.length > 0 && !pattern.startsWith(text)) text = text.slice(1);
  return text.length;
}

export const sequenceDetector: Family = {
  name: 'sequence_detector',
  category: 'fsm',
  clocked: true,
  params: (rng) => ({
    pattern: rng.pick(['101', '110', '1011', '1101', '0110', '1001', '11011', '10010']),
    overlap: rng.chance(0.6),
    moore: rng.chance(0.6),
  }),
  design(p, ctx) {
    const pattern = String(p.pattern);
    const overlap = Boolean(p.overlap);
    const moore = Boolean(p.moore);
    const n = pattern.length;
    const x = ctx.rng.pick(['din', 'x', 'bit_in', 'in']);
    const y = ctx.rng.pick(['detected', 'match', 'y', 'found']);
    const states = moore ? n + 1 : n;
    const sw = Math.max(1, Math.ceil(Math.log2(states)));
    const i = (l: number) => ctx.ind(l);
    // Moore: state = bits matched so far (0..n), output when state == n.
    // Mealy: state = bits matched (0..n-1), output when the next bit completes the pattern.
    const arms: string[] = [];
    for (let s = 0; s < states; s++) {
      const next0 = nextState(pattern, s, '0', overlap);
      const next1 = nextState(pattern, s, '1', overlap);
      const fix = (t: number) => (moore ? t : t === n ? (overlap ? border(pattern) : 0) : t);
      arms.push(`${i(3)}${sw}'d${s}: next = ${x} ? ${sw}'d${fix(next1)} : ${sw}'d${fix(next0)};`);
    }
    const last = pattern[n - 1] === '1' ? x : `!${x}`;
    const outExpr = moore ? `(state == ${sw}'d${n})` : `(state == ${sw}'d${n - 1}) && ${last}`;
    const body = [
      `${i(1)}reg [${sw - 1}:0] state, next;`,
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}case (state)`,
      ...arms,
      `${i(3)}default: next = ${sw}'d0;`,
      `${i(2)}endcase`,
      `${i(1)}end`,
      ctx.seqBlock([`state <= ${sw}'d0;`], ['state <= next;']),
      `${i(1)}assign ${y} = ${outExpr};`,
    ].join('\n');
    const ov = overlap ? 'overlapping occurrences count (the tail of one match can start the next)' : 'occurrences do not overlap (after a match, matching starts afresh)';
    const timing = moore
      ? `${y} is a Moore output: it is 1 during the clock cycle after the last bit of the pattern has been sampled`
      : `${y} is a Mealy output: it is 1 combinationally while the current input bit completes the pattern`;
    return {
      module: ctx.rng.pick([`seq_det_${pattern}`, 'sequence_detector', `detect_${pattern}`]),
      ports: [...clockAndReset(ctx), inp(x, 1, 'serial input bit, sampled on each rising clock edge'), out(y, 1, 'pattern detected')],
      body,
      behaviour: [
        `A finite state machine that detects the bit sequence ${pattern} (first bit first) on ${x}. ${timing}; ${ov}. ${resets(ctx, 'The FSM returns to its idle state')}`,
        `Detect the serial pattern "${pattern}" on input ${x}, one bit per clock. ${timing}. Note: ${ov}. ${resets(ctx, 'Go idle')}`,
        `Sequence detector FSM for ${pattern} (${moore ? 'Moore' : 'Mealy'} style, ${overlap ? 'overlapping' : 'non-overlapping'}). ${timing}.`,
        `${moore ? 'Moore' : 'Mealy'} ${overlap ? 'overlapping' : 'non-overlapping'} detector for ${pattern}. ${resets(ctx, 'Idle')}`,
      ],
      cycles: 300,
    };
  },
};

export const trafficLight: Family = {
  name: 'traffic_light',
  category: 'fsm',
  clocked: true,
  params: (rng) => ({ green: sized(rng, [3, 4, 5, 8], 2, 20), yellow: sized(rng, [1, 2, 3], 1, 6), red: sized(rng, [3, 4, 6], 2, 20) }),
  design(p, ctx) {
    const g = Number(p.green);
    const yl = Number(p.yellow);
    const r = Number(p.red);
    const w = Math.ceil(Math.log2(Math.max(g, yl, r) + 1));
    const i = (l: number) => ctx.ind(l);
    const [red, yellow, green] = ctx.rng.pick([['red', 'yellow', 'green'], ['r', 'y', 'g'], ['light_red', 'light_yellow', 'light_green']]) as [string, string, string];
    const body = [
      `${i(1)}localparam S_GREEN = 2'd0, S_YELLOW = 2'd1, S_RED = 2'd2;`,
      `${i(1)}reg [1:0] state;`,
      `${i(1)}reg [${w - 1}:0] timer;`,
      ctx.seqBlock(['state <= S_GREEN;', `timer <= ${w}'d0;`], [
        'case (state)',
        `${i(1)}S_GREEN: if (timer == ${w}'d${g - 1}) begin state <= S_YELLOW; timer <= ${w}'d0; end else timer <= timer + 1'b1;`,
        `${i(1)}S_YELLOW: if (timer == ${w}'d${yl - 1}) begin state <= S_RED; timer <= ${w}'d0; end else timer <= timer + 1'b1;`,
        `${i(1)}S_RED: if (timer == ${w}'d${r - 1}) begin state <= S_GREEN; timer <= ${w}'d0; end else timer <= timer + 1'b1;`,
        `${i(1)}default: begin state <= S_GREEN; timer <= ${w}'d0; end`,
        'endcase',
      ]),
      `${i(1)}assign ${green} = (state == S_GREEN);`,
      `${i(1)}assign ${yellow} = (state == S_YELLOW);`,
      `${i(1)}assign ${red} = (state == S_RED);`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['traffic_light', 'traffic_controller', 'tlc']),
      ports: [...clockAndReset(ctx), out(red, 1, 'red lamp'), out(yellow, 1, 'yellow lamp'), out(green, 1, 'green lamp')],
      body,
      behaviour: [
        `A traffic light controller cycling green -> yellow -> red -> green. Green lasts ${g} clock cycles, yellow ${yl}, red ${r}. Exactly one of ${green}, ${yellow}, ${red} is 1 at a time. ${resets(ctx, `It restarts at the beginning of green`)}`,
        `FSM with states GREEN (${g} cycles), YELLOW (${yl} cycles) and RED (${r} cycles) in that order, repeating; a cycle timer counts the time spent in the current state. Outputs: one lamp signal per state. ${resets(ctx, 'Start in GREEN with the timer at 0')}`,
        `Drive three lamps ${green}/${yellow}/${red}: ${g} clocks green, ${yl} yellow, ${r} red, forever.`,
        `Traffic light: G ${g}, Y ${yl}, R ${r} cycles. ${resets(ctx, 'Green')}`,
      ],
      cycles: 200,
    };
  },
};

export const vendingMachine: Family = {
  name: 'vending_machine',
  category: 'fsm',
  clocked: true,
  params: (rng) => ({ price: 5 * sized(rng, [3, 4, 5, 6], 2, 10) }),
  design(p, ctx) {
    const price = Number(p.price);
    const w = Math.ceil(Math.log2(price + 10 + 1));
    const i = (l: number) => ctx.ind(l);
    const [nickel, dime] = ctx.rng.pick([['nickel', 'dime'], ['coin5', 'coin10'], ['in5', 'in10']]) as [string, string];
    const disp = ctx.rng.pick(['dispense', 'vend', 'out']);
    const body = [
      `${i(1)}reg [${w - 1}:0] credit;`,
      `${i(1)}wire [${w - 1}:0] added = credit + (${dime} ? ${w}'d10 : (${nickel} ? ${w}'d5 : ${w}'d0));`,
      ctx.seqBlock([`credit <= ${w}'d0;`, `${disp} <= 1'b0;`, `change <= ${w}'d0;`], [
        `if (added >= ${w}'d${price}) begin`,
        `${i(1)}${disp} <= 1'b1;`,
        `${i(1)}change <= added - ${w}'d${price};`,
        `${i(1)}credit <= ${w}'d0;`,
        'end else begin',
        `${i(1)}${disp} <= 1'b0;`,
        `${i(1)}change <= ${w}'d0;`,
        `${i(1)}credit <= added;`,
        'end',
      ]),
    ].join('\n');
    return {
      module: ctx.rng.pick(['vending_machine', 'vending_fsm', 'vendor']),
      ports: [...clockAndReset(ctx), inp(nickel, 1, '5-cent coin inserted this cycle', { stim: { kind: 'high', p: 0.3 } }), inp(dime, 1, '10-cent coin inserted this cycle', { stim: { kind: 'high', p: 0.25 } }), out(disp, 1, 'item dispensed', { reg: true }), out('change', w, 'change returned, in cents', { reg: true })],
      body,
      behaviour: [
        `A vending machine that sells an item for ${price} cents. Each rising clock edge it adds 10 cents if ${dime} is 1, else 5 cents if ${nickel} is 1, to the credit. When the new credit reaches ${price} or more, it pulses ${disp} for one cycle, outputs the excess as change (registered, for that cycle) and clears the credit; otherwise ${disp} and change are 0. ${resets(ctx, 'Credit, dispense and change clear to 0')}`,
        `Coin-operated vending FSM, price ${price}c, coins of 5c (${nickel}) and 10c (${dime}, which wins if both are high). Registered outputs: ${disp} = 1 and change = credit - ${price} in the cycle after the credit reaches the price; credit then restarts at 0.`,
        `Accumulate coins (5 or 10 cents per clock) until at least ${price} cents; then dispense for one clock, return the overshoot on change, and reset the credit.`,
        `Vending machine, price ${price}, nickels and dimes, change output. ${resets(ctx, 'Clear all')}`,
      ],
    };
  },
};

export const handshake: Family = {
  name: 'handshake',
  category: 'fsm',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [8, 16, 32], 1, 64) }),
  design(p, ctx) {
    const w = Number(p.width);
    const i = (l: number) => ctx.ind(l);
    const [iv, ir, id, ov, or, od] = ctx.rng.pick([
      ['in_valid', 'in_ready', 'in_data', 'out_valid', 'out_ready', 'out_data'],
      ['s_valid', 's_ready', 's_data', 'm_valid', 'm_ready', 'm_data'],
    ]) as [string, string, string, string, string, string];
    const body = [
      ctx.seqBlock([`${ov} <= 1'b0;`, `${od} <= ${w}'d0;`], [
        `if (${iv} && ${ir}) begin`,
        `${i(1)}${ov} <= 1'b1;`,
        `${i(1)}${od} <= ${id};`,
        `end else if (${or}) begin`,
        `${i(1)}${ov} <= 1'b0;`,
        'end',
      ]),
      `${i(1)}assign ${ir} = !${ov} || ${or};`,
    ].join('\n');
    return {
      module: ctx.rng.pick(['reg_slice', 'pipeline_stage', 'skid_free_stage']),
      ports: [...clockAndReset(ctx), inp(iv, 1, 'upstream valid', { stim: { kind: 'high', p: 0.6 } }), out(ir, 1, 'upstream ready'), inp(id, w, 'upstream data'), out(ov, 1, 'downstream valid', { reg: true }), inp(or, 1, 'downstream ready', { stim: { kind: 'high', p: 0.6 } }), out(od, w, 'downstream data', { reg: true })],
      body,
      behaviour: [
        `A one-entry valid/ready register slice for ${w}-bit data. ${ir} = !${ov} || ${or} (the stage can accept when it is empty or being drained). On a rising clock edge, a transfer in (${iv} && ${ir}) loads ${id} into ${od} and sets ${ov}; otherwise a transfer out (${or}) clears ${ov}. ${resets(ctx, `${ov} and ${od} clear to 0`)}`,
        `Pipeline stage with a valid/ready handshake on both sides: data is captured when upstream valid and ready are both high, held with ${ov} = 1 until downstream ready is seen, and the stage accepts new data in the same cycle it is drained.`,
        `Registered handshake buffer (one slot): upstream ready is combinational, !${ov} || ${or}; ${od} updates on accepted input; ${ov} drops when the consumer takes the data and nothing new arrives.`,
        `Valid/ready register slice, ${w} bits. ${resets(ctx, 'Empty')}`,
      ],
    };
  },
};

export const oneShot: Family = {
  name: 'pulse_stretcher',
  category: 'fsm',
  clocked: true,
  params: (rng) => ({ length: sized(rng, [2, 3, 4, 8], 2, 20), retrigger: rng.chance(0.5) }),
  design(p, ctx) {
    const n = Number(p.length);
    const retrig = Boolean(p.retrigger);
    const w = Math.ceil(Math.log2(n + 1));
    const t = ctx.rng.pick(['trigger', 'trig', 'start']);
    const y = ctx.rng.pick(['pulse', 'out', 'busy']);
    const cond = retrig ? t : `${t} && remaining == ${w}'d0`;
    const body = [
      `${ctx.ind(1)}reg [${w - 1}:0] remaining;`,
      ctx.seqBlock([`remaining <= ${w}'d0;`], [`if (${cond}) remaining <= ${w}'d${n};`, `else if (remaining != ${w}'d0) remaining <= remaining - 1'b1;`]),
      `${ctx.ind(1)}assign ${y} = (remaining != ${w}'d0);`,
    ].join('\n');
    const rt = retrig ? `A trigger while the pulse is running restarts the full ${n}-cycle count.` : 'Triggers while the pulse is running are ignored.';
    return {
      module: ctx.rng.pick(['one_shot', 'pulse_stretcher', 'monostable']),
      ports: [...clockAndReset(ctx), inp(t, 1, 'trigger', { stim: { kind: 'high', p: 0.12 } }), out(y, 1, 'stretched pulse')],
      body,
      behaviour: [
        `A one-shot pulse generator: when ${t} is sampled high on a rising clock edge, ${y} goes high for the next ${n} clock cycles. ${rt} ${resets(ctx, 'The remaining count clears to 0')}`,
        `Stretch a trigger into a ${n}-cycle pulse using a down-counter loaded with ${n}; ${y} = (counter != 0). ${rt}`,
        `Monostable: ${y} is asserted for ${n} clocks after ${t}. ${rt}`,
        `${n}-cycle one-shot${retrig ? ', retriggerable' : ''}. ${resets(ctx, 'Idle')}`,
      ],
    };
  },
};

export const FSM: Family[] = [sequenceDetector, trafficLight, vendingMachine, handshake, oneShot];
