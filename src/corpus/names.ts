import type { Design, Reset } from './family.js';
import { Rng } from '../util/rng.js';

/**
 * Open name pools. Each family writes its usual names (`mux2`, `a`, `sel`);
 * a model trained on those alone recalls them instead of reading the spec.
 * `renameDesign` redraws module, port, parameter and internal names from a
 * wide pool (arbitrary words, CamelCase and snake_case, direction affixes,
 * other families' usual names), so the only way to the right name is to
 * copy it from the spec.
 */

/** Verilog-2005 keywords and the testbench's own names: never drawn. */
const RESERVED = new Set(`always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config deassign default
defparam design disable edge else end endcase endconfig endfunction endgenerate endmodule endprimitive endspecify endtable endtask
event for force forever fork function generate genvar highz0 highz1 if ifnone incdir include initial inout input instance integer join
large liblist library localparam macromodule medium module nand negedge nmos nor noshowcancelled not notif0 notif1 or output parameter
pmos posedge primitive pull0 pull1 pulldown pullup pulsestyle_ondetect pulsestyle_onevent rcmos real realtime reg release repeat rnmos
rpmos rtran rtranif0 rtranif1 scalared showcancelled signed small specify specparam strong0 strong1 supply0 supply1 table task time tran
tranif0 tranif1 tri tri0 tri1 triand trior trireg unsigned use uwire vectored wait wand weak0 weak1 while wire wor xnor xor
logic bit byte int shortint longint string class interface
tb dut golden seed cycle checks errors defined check`.split(/\s+/));

/**
 * Names that are also English words of the specs' prose ("a 4-bit counter",
 * "the count", "on reset"): renaming them there would rewrite the prose, so
 * these identifiers keep their names.
 */
const PROSE_WORDS = new Set(`a an and any at both busy by carry change clear clock count data diff difference digit do done down empty
enable equal even found full go got grant gray green greater i in it j k left less level load m match n next odd ones or out pointer
pop product pulse push quotient read red remainder remaining request reset result ring shift shifted sum tick total trigger up value
valid word write yellow zero state binary feedback ready start word`.split(/\s+/));

const WORDS = `alpha beta gamma delta sigma omega theta kappa lambda pick packet frame tile lane slot cell node link bus byte nib flag
mode tag key acc tmp buf row col pix grid hop beat tock blip chirp zap fizz buzz quux foo bar baz apple pear plum kiwi lime fig moss fern
oak elm ash pine reed sand dune rock clay iron gold tin zinc neon ruby opal jade onyx amber coral echo orbit comet star nova vega lyra atlas
titan ember spark flare glow beam ray wave tide gust storm cloud frost hail mist rain fog wind dusk dawn noon lumen volt amp ohm baud ctr
src dst req ack rdy vld stb err irq dma axi apb wb spi uart pcm adc dac fir crc ecc cam tlb lsu alu mac rot cmp enc latch
vec arr lo hi core unit blk sub aux alt tx rx wr rd addr len cnt num idx ptr sel en pkt msg cmd resp stat ctl cfg dbg
tap pin pad sig chan phase mix prod quot rem`.split(/\s+/);

/** Other families' usual names: a spec may well name its mux output `count`. */
const USUAL = `a b c d q y s x sel out in din dout data_in data_out en enable count cnt sum cout cin carry_in carry_out result
op opcode addr wdata rdata we valid ready done start busy tick pulse level match detected full empty push pop value load
shift serial_in serial_out gray bin grant req state next_state acc product quotient remainder`.split(/\s+/);

type Role = 'module' | 'input' | 'output' | 'parameter' | 'internal';

function words(rng: Rng, max: number): string[] {
  const n = rng.int(1, max);
  return Array.from({ length: n }, () => rng.pick(WORDS));
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** One fresh name for `role`: the caller retries when it collides. */
export function drawName(rng: Rng, role: Role): string {
  if (role === 'parameter') return words(rng, 2).join('_').toUpperCase() + (rng.chance(0.2) ? '_W' : '');
  if ((role === 'input' || role === 'output') && rng.chance(0.15)) return rng.pick(USUAL);
  const ws = words(rng, role === 'module' ? 3 : 2);
  const form = rng.int(0, 9);
  let name = form < 5 ? ws.join('_') : form < 8 ? ws[0]! + ws.slice(1).map(cap).join('') : ws.map(cap).join('');
  if (role === 'module' && rng.chance(0.3)) name += `${rng.pick(['_', ''])}${rng.int(0, 64)}`;
  if (role === 'input' && rng.chance(0.35)) name = rng.pick([`${name}_i`, `i_${name}`, `${name}_in`]);
  if (role === 'output' && rng.chance(0.35)) name = rng.pick([`${name}_o`, `o_${name}`, `${name}_out`]);
  if (role === 'internal' && rng.chance(0.3)) name = rng.pick([`${name}_q`, `${name}_r`, `${name}_reg`]);
  return name;
}

/** Identifier tokens of Verilog source: sized numbers, strings and system names are skipped. */
const TOKENS = /\d*'[sS]?[bBoOdDhH]\s*[0-9a-fA-FxXzZ_?]+|"(?:[^"\\]|\\.)*"|\$[A-Za-z0-9_$]+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_][A-Za-z0-9_$]*/g;

/** Every identifier the code uses (not keywords). */
export function identifiersOf(code: string): Set<string> {
  const ids = new Set<string>();
  for (const m of code.matchAll(TOKENS)) {
    const t = m[0];
    if (/^[A-Za-z_]/.test(t) && !RESERVED.has(t)) ids.add(t);
  }
  return ids;
}

/** `code` with each identifier token in `map` replaced. */
export function renameInCode(code: string, map: ReadonlyMap<string, string>): string {
  return code.replace(TOKENS, (t) => map.get(t) ?? t);
}

/** A function giving prose with whole-word occurrences of the names in `map` replaced (one pattern for many texts). */
function proseRenamer(map: ReadonlyMap<string, string>): (text: string) => string {
  if (map.size === 0) return (text) => text;
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/\$/g, '\\$')).join('|');
  const re = new RegExp(`(?<![A-Za-z0-9_$'])(?:${alternatives})(?![A-Za-z0-9_$])`, 'g');
  return (text) => text.replace(re, (w) => map.get(w) ?? w);
}

/** `text` (prose) with whole-word occurrences of the names in `map` replaced. */
export function renameInProse(text: string, map: ReadonlyMap<string, string>): string {
  return proseRenamer(map)(text);
}

export interface RenamedDesign {
  design: Design;
  clk: string;
  reset: Reset;
  /** Old name -> new name, for every identifier renamed. */
  renamed: Map<string, string>;
}

export interface RenameOptions {
  /** Chance that each renamable port, parameter or internal name gets a fresh name. */
  share: number;
  /** Chance that the module gets a fresh name. */
  moduleShare: number;
}

/**
 * `design` with names redrawn from the open pools. The module name changes
 * in the code only (the spec's intro is written from it; prose says "a
 * counter", not the module's name); other names change in code, port
 * descriptions and behaviour alike. Active-low resets keep an `_n`/`n` affix.
 */
export function renameDesign(design: Design, clk: string, reset: Reset, rng: Rng, options: RenameOptions): RenamedDesign {
  const body = design.body;
  const bodyIds = identifiersOf(body);
  const portNames = new Set(design.ports.map((p) => p.name));
  const paramNames = new Set((design.parameters ?? []).map((p) => p.name));
  const prose = [...design.behaviour, ...design.ports.map((p) => p.desc)].join('\n');
  const taken = new Set<string>([...bodyIds, ...portNames, ...paramNames, design.module, ...prose.split(/[^A-Za-z0-9_$]+/)]);
  const map = new Map<string, string>();
  const fresh = (role: Role): string => {
    for (let i = 0; i < 50; i++) {
      const name = drawName(rng, role);
      if (!RESERVED.has(name) && !taken.has(name) && !/_(dut|ref|golden)$/.test(name)) {
        taken.add(name);
        return name;
      }
    }
    throw new Error('renameDesign: no free name after 50 draws');
  };
  const consider = (old: string, role: Role, share: number) => {
    if (map.has(old) || PROSE_WORDS.has(old) || !rng.chance(share)) return;
    let name = fresh(role);
    if (old === reset.name && reset.activeLow) name = `${name.replace(/_(i|in)$/, '')}${rng.pick(['_n', 'n', '_ni'])}`;
    map.set(old, name);
  };
  for (const p of design.ports) consider(p.name, p.dir === 'input' ? 'input' : 'output', options.share);
  for (const p of paramNames) consider(p, 'parameter', options.share);
  for (const id of bodyIds) if (!portNames.has(id) && !paramNames.has(id)) consider(id, /^[A-Z][A-Z0-9_]*$/.test(id) ? 'parameter' : 'internal', options.share);
  const module = rng.chance(options.moduleShare) ? fresh('module') : design.module;
  const inProse = proseRenamer(map);
  const renamedDesign: Design = {
    ...design,
    module,
    parameters: design.parameters?.map((p) => ({ ...p, name: map.get(p.name) ?? p.name })),
    ports: design.ports.map((p) => ({ ...p, name: map.get(p.name) ?? p.name, range: p.range && renameInCode(p.range, map), desc: inProse(p.desc) })),
    body: renameInCode(body, map),
    behaviour: design.behaviour.map(inProse),
  };
  if (module !== design.module) map.set(design.module, module);
  return { design: renamedDesign, clk: map.get(clk) ?? clk, reset: { ...reset, name: map.get(reset.name) ?? reset.name }, renamed: map };
}
