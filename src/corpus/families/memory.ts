import { sized, type DesignContext, type Family, type Port } from '../family.js';

const inp = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'input', width, desc, ...extra });
const out = (name: string, width: number, desc: string, extra: Partial<Port> = {}): Port => ({ name, dir: 'output', width, desc, ...extra });
const clockAndReset = (ctx: DesignContext): Port[] => [ctx.clockPort(), ctx.resetPort()];
const resets = (ctx: DesignContext, what: string): string => `${what} ${ctx.resetPhrase()}.`;

export const syncFifo: Family = {
  name: 'sync_fifo',
  category: 'memory',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [8, 16], 1, 32), depth: rng.pick([2, 4, 8, 16, 32]), fwft: rng.chance(0.5) }),
  design(p, ctx) {
    const w = Number(p.width);
    const depth = Number(p.depth);
    const aw = Math.log2(depth);
    const fwft = Boolean(p.fwft);
    const i = (l: number) => ctx.ind(l);
    const [we, din, re, dout] = ctx.rng.pick([['wr_en', 'din', 'rd_en', 'dout'], ['push', 'wdata', 'pop', 'rdata'], ['write', 'data_in', 'read', 'data_out']]) as [string, string, string, string];
    const body = [
      `${i(1)}reg [${w - 1}:0] mem [0:${depth - 1}];`,
      `${i(1)}reg [${aw - 1}:0] wptr, rptr;`,
      `${i(1)}reg [${aw}:0] count;`,
      `${i(1)}wire do_write = ${we} && (count != ${depth});`,
      `${i(1)}wire do_read = ${re} && (count != 0);`,
      ...(fwft ? [] : [`${i(1)}reg [${w - 1}:0] ${dout}_r;`]),
      ctx.seqBlock([`wptr <= ${aw}'d0;`, `rptr <= ${aw}'d0;`, `count <= ${aw + 1}'d0;`, ...(fwft ? [] : [`${dout}_r <= ${w}'d0;`])], [
        'if (do_write) begin',
        `${i(1)}mem[wptr] <= ${din};`,
        `${i(1)}wptr <= wptr + 1'b1;`,
        'end',
        'if (do_read) begin',
        ...(fwft ? [] : [`${i(1)}${dout}_r <= mem[rptr];`]),
        `${i(1)}rptr <= rptr + 1'b1;`,
        'end',
        'count <= count + do_write - do_read;',
      ]),
      `${i(1)}assign ${dout} = ${fwft ? 'mem[rptr]' : `${dout}_r`};`,
      `${i(1)}assign full = (count == ${depth});`,
      `${i(1)}assign empty = (count == 0);`,
    ].join('\n');
    const readText = fwft
      ? `First-word fall-through: ${dout} always shows the oldest entry (combinationally, mem[read pointer]); a read just advances the pointer.`
      : `${dout} is registered: a read loads the oldest entry into ${dout} at the clock edge, and ${dout} holds its value otherwise (0 after reset).`;
    return {
      module: ctx.rng.pick(['sync_fifo', `fifo_${depth}x${w}`, 'fifo']),
      ports: [...clockAndReset(ctx), inp(we, 1, 'write request', { stim: { kind: 'high', p: 0.5 } }), inp(din, w, 'write data'), inp(re, 1, 'read request', { stim: { kind: 'high', p: 0.45 } }), out(dout, w, 'read data'), out('full', 1, 'FIFO full'), out('empty', 1, 'FIFO empty')],
      body,
      behaviour: [
        `A synchronous FIFO, ${depth} entries of ${w} bits. On a rising clock edge a write (${we}) stores ${din} unless the FIFO is full, and a read (${re}) removes the oldest entry unless it is empty; both may happen in the same cycle. full and empty reflect the number of stored entries. ${readText} ${resets(ctx, 'It empties (pointers and count to 0)')}`,
        `Single-clock FIFO buffer (depth ${depth}, width ${w}) with write/read pointers and an occupancy counter; writes when full and reads when empty are ignored. ${readText}`,
        `First-in first-out queue of ${depth} ${w}-bit words with ${we}/${re} strobes and full/empty flags. ${readText}`,
        `${depth}x${w} synchronous FIFO${fwft ? ' (FWFT)' : ''}. ${resets(ctx, 'Empty')}`,
      ],
      cycles: 300,
    };
  },
};

export const singlePortRam: Family = {
  name: 'ram_sp',
  category: 'memory',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [8, 16, 32], 1, 64), depth: rng.pick([8, 16, 32, 64, 128, 256]), syncRead: rng.chance(0.6) }),
  design(p, ctx) {
    const w = Number(p.width);
    const depth = Number(p.depth);
    const aw = Math.log2(depth);
    const syncRead = Boolean(p.syncRead);
    const i = (l: number) => ctx.ind(l);
    const [we, addr, din, dout] = ctx.rng.pick([['we', 'addr', 'din', 'dout'], ['wr_en', 'address', 'wdata', 'rdata']]) as [string, string, string, string];
    const body = [
      `${i(1)}reg [${w - 1}:0] mem [0:${depth - 1}];`,
      `${i(1)}integer k;`,
      ctx.seqBlock([`for (k = 0; k < ${depth}; k = k + 1) mem[k] <= ${w}'d0;`, ...(syncRead ? [`${dout} <= ${w}'d0;`] : [])], [
        `if (${we}) mem[${addr}] <= ${din};`,
        ...(syncRead ? [`${dout} <= mem[${addr}];`] : []),
      ]),
      ...(syncRead ? [] : [`${i(1)}assign ${dout} = mem[${addr}];`]),
    ].join('\n');
    const readText = syncRead
      ? `Reads are synchronous: at each rising edge ${dout} takes the word at ${addr} as it was before any write in that same cycle (read-first).`
      : `Reads are asynchronous: ${dout} shows mem[${addr}] combinationally.`;
    return {
      module: ctx.rng.pick(['ram', `ram_${depth}x${w}`, 'single_port_ram']),
      ports: [...clockAndReset(ctx), inp(we, 1, 'write enable', { stim: { kind: 'high', p: 0.4 } }), inp(addr, aw, 'address', { stim: { kind: 'below', max: depth - 1 } }), inp(din, w, 'write data'), out(dout, w, 'read data', { reg: syncRead })],
      body,
      behaviour: [
        `A single-port RAM of ${depth} words x ${w} bits. When ${we} is high at a rising clock edge, ${din} is written to address ${addr}. ${readText} ${resets(ctx, `All words${syncRead ? ` and ${dout}` : ''} clear to 0`)}`,
        `${depth}-entry, ${w}-bit memory with one address port used for both writing (${we}) and reading. ${readText} The reset clears the whole array.`,
        `Register-based RAM (${depth}x${w}) with write enable; ${readText}`,
        `${depth}x${w} RAM, ${syncRead ? 'synchronous' : 'asynchronous'} read. ${resets(ctx, 'Zero all')}`,
      ],
      cycles: 300,
    };
  },
};

export const rom: Family = {
  name: 'rom',
  category: 'memory',
  clocked: false,
  params: (rng) => ({ width: rng.pick([4, 8]), depth: rng.pick([8, 16]), contents: rng.int(0, 1_000_000) }),
  design(p, ctx) {
    const w = Number(p.width);
    const depth = Number(p.depth);
    const aw = Math.log2(depth);
    let state = Number(p.contents);
    const words = Array.from({ length: depth }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state >> 8) % (1 << w);
    });
    const i = (l: number) => ctx.ind(l);
    const [addr, data] = ctx.rng.pick([['addr', 'data'], ['a', 'q'], ['address', 'dout']]) as [string, string];
    const hex = (v: number) => `${w}'h${v.toString(16).toUpperCase()}`;
    const body = [
      `${i(1)}${ctx.alwaysComb} begin`,
      `${i(2)}case (${addr})`,
      ...words.map((v, k) => `${i(3)}${aw}'d${k}: ${data} = ${hex(v)};`),
      `${i(3)}default: ${data} = ${w}'h0;`,
      `${i(2)}endcase`,
      `${i(1)}end`,
    ].join('\n');
    const table = words.map((v, k) => `${k}: ${hex(v)}`).join(', ');
    return {
      module: ctx.rng.pick(['rom', `rom_${depth}x${w}`, 'lookup_table']),
      ports: [inp(addr, aw, 'address'), out(data, w, 'stored word', { reg: true })],
      body,
      behaviour: [
        `A combinational ROM of ${depth} words x ${w} bits; ${data} is the word at ${addr}. Contents (address: value): ${table}.`,
        `Lookup table with ${depth} entries: output ${data} = table[${addr}] where table is ${words.map(hex).join(', ')} (address 0 first).`,
        `Read-only memory, asynchronous read, ${w}-bit data, contents ${table}.`,
        `ROM ${depth}x${w}: ${table}.`,
      ],
    };
  },
};

export const registerFile: Family = {
  name: 'register_file',
  category: 'memory',
  clocked: true,
  params: (rng) => ({ width: sized(rng, [8, 16, 32], 1, 64), regs: rng.pick([2, 4, 8, 16, 32]), zeroReg: rng.chance(0.4) }),
  design(p, ctx) {
    const w = Number(p.width);
    const n = Number(p.regs);
    const aw = Math.log2(n);
    const zero = Boolean(p.zeroReg);
    const i = (l: number) => ctx.ind(l);
    const body = [
      `${i(1)}reg [${w - 1}:0] regs [0:${n - 1}];`,
      `${i(1)}integer k;`,
      ctx.seqBlock([`for (k = 0; k < ${n}; k = k + 1) regs[k] <= ${w}'d0;`], [`if (we${zero ? ` && waddr != ${aw}'d0` : ''}) regs[waddr] <= wdata;`]),
      `${i(1)}assign rdata1 = regs[raddr1];`,
      `${i(1)}assign rdata2 = regs[raddr2];`,
    ].join('\n');
    const zeroText = zero ? ' Register 0 always reads as 0: writes to it are ignored.' : '';
    return {
      module: ctx.rng.pick(['regfile', 'register_file', `rf${n}x${w}`]),
      ports: [...clockAndReset(ctx), inp('we', 1, 'write enable', { stim: { kind: 'high', p: 0.5 } }), inp('waddr', aw, 'write address'), inp('wdata', w, 'write data'), inp('raddr1', aw, 'read address 1'), out('rdata1', w, 'read data 1'), inp('raddr2', aw, 'read address 2'), out('rdata2', w, 'read data 2')],
      body,
      behaviour: [
        `A register file with ${n} registers of ${w} bits, one write port and two read ports. Writes happen on the rising clock edge when we is high. Reads are combinational: rdata1 = regs[raddr1], rdata2 = regs[raddr2] (a read of the register being written returns the old value until the edge).${zeroText} ${resets(ctx, 'All registers clear to 0')}`,
        `${n}x${w} register file, 1W2R, synchronous write, asynchronous read.${zeroText} The reset zeroes every register.`,
        `CPU-style register file: two independent combinational read ports and one clocked write port with enable.${zeroText}`,
        `Register file ${n}x${w}, 2 read 1 write.${zeroText} ${resets(ctx, 'Zero')}`,
      ],
      cycles: 300,
    };
  },
};

export const MEMORY: Family[] = [syncFifo, singlePortRam, rom, registerFile];
