import { ID } from './spec-ports.js';
import { RESERVED } from './uses.js';

/**
 * The name the decoder may give the module (names.ts): the name the spec
 * gives it in so many words; where it gives none, the spec's words shaped
 * like a module's name (`acc16`, `cnt16_load`) that name no port; where it
 * has none of those either, any word of the spec that is no prose.
 */

/** Spec words nothing is named: English function words and a few of the prose's nouns (ports keep `in`, `out` and single letters). */
const NOT_NAMES = new Set(`a an the of to and or in on at is it be by as if for with when that this from into its are
module verilog design write implement create make build named called name use using input inputs output outputs port ports bit bits wide
width each every one two high low clock reset when while then else has have should must will which takes gives
interface notes note parameters behaviour behavior description example timing only goes signals pins io spec`.split(/\s+/));

const NAME = `[\`'"]?(${ID})`;
/**
 * A line that opens with the module's name and its ports: "dec: input [2:0] a, ..." or
 * "asr8(din, shamt, dout)". Taken only where one line of the spec does, since a list of
 * ports has a line per port ("d0 (input, 10 bits) - ...").
 */
const DECLARED = `(?:(?:wire|reg|signed)\\s+)*(?:\\[[^\\]\\n]+\\]\\s*)?${ID}(?:\\s*\\[[^\\]\\n]+\\])?`;
const LINE_LEADERS = [
  new RegExp(`^\\s*(${ID})\\s*:\\s*(?:input|output)s?\\s+${DECLARED}\\s*(?:,|;|$)`, 'gim'),
  new RegExp(`^\\s*(${ID})\\s*:[^\\n]*->`, 'gm'),
  new RegExp(`^\\s*(${ID})\\s*\\((?!\\s*(?:input|output|inout)\\s*,)[^()\\n]*,[^()\\n]*\\)`, 'gim'),
];
/** Most explicit first: "module `x`" would otherwise lose to "the module only ..."; a line's leading name last. */
const PATTERNS = [
  new RegExp(`\\bmodule\\s+name\\s*:?\\s*${NAME}`, 'gi'), new RegExp(`\\bmodule\\s*:\\s*${NAME}`, 'gi'),
  // Not a port's: "an input called sgn", "outputs named lt, eq and gt".
  new RegExp(`(?<!\\b(?:inputs?|outputs?|inouts?|ports?|signals?|pins?|wires?|regs?|registers?|buses|bus|lines?|flags?)\\s+)\\b(?:named|called)\\s+${NAME}`, 'gi'),
  new RegExp(`\\b(?:call|name)\\s+(?:it|the\\s+(?:module|design|block|top(?:[- ]level)?(?:\\s+module)?))\\s*:?\\s*${NAME}`, 'gi'),
  new RegExp(`\\bmodule\\s+\`(${ID})\``, 'gi'),
  new RegExp(`\\btop(?:[- ]level(?:\\s+module)?|\\s+module)\\s*:?\\s*${NAME}`, 'gi'),
  new RegExp(`^\\s*top\\s*:\\s*${NAME}`, 'gim'),
  new RegExp(`\\bdesign\\s+${NAME}[\`'"]?\\s+in\\s+verilog`, 'gi'),
  new RegExp(`^\\s*(${ID})\\s*:\\s*$`, 'gm'),
  new RegExp(`\\bmodule\\s+${NAME}`, 'gi'),
  ...LINE_LEADERS,
];

const nameable = (w: string) => w.length > 1 && !NOT_NAMES.has(w.toLowerCase()) && !RESERVED.has(w);

/**
 * Names the spec gives its module in so many words (`module cnt4`, "named
 * `acc16`", "called mux2", "call it lzc8", "Module name: sub16", "Module:
 * prbs7", "top-level bcd2bin", "Design spark in Verilog", a first line that
 * is just `mux2:`, a line that opens with the name and its ports); none
 * where it gives none. A name only as a sentence's subject ("acc is an
 * accumulator") is left to the model: "Counter is ..." names nothing.
 */
export function namedModules(spec: string): string[] {
  for (const pattern of PATTERNS) {
    const matches = [...spec.matchAll(pattern)];
    if (LINE_LEADERS.includes(pattern) && matches.length > 1) continue;
    // A line that opens with a state in capitals is a transition ("IDLE: start=1 -> REQ"), not a header.
    const found = matches.map((m) => m[1]!).filter((w) => nameable(w) && !(LINE_LEADERS.includes(pattern) && !/[a-z]/.test(w)));
    if (found.length) return [...new Set(found)];
  }
  return [];
}

/** Signal names by their shape: a clock or a reset (`clk_out`, `rst_n`), a port's prefix or suffix (`i_data`, `data_in`, `vin_reg`), active low. */
const SIGNAL = /^(?:clk|clock|a?rst|srst|reset|[io]_)|_(?:n|in|out|i|o|reg)$/i;

/**
 * Where the spec names no module in so many words: its words shaped like a
 * module's name, as people type one in passing ("4 bit full adder add4 with
 * ...", "dff_en: clk, rst_n, ..."), that name no port: letters with a digit
 * or an underscore, standing alone (not the `b0001` of `4'b0001` or the
 * `x07` of `0x07`), not all capitals (`S0`, `DATA_WIDTH`: states and
 * parameters), not shaped like a signal's name. A word written as a header,
 * `rise_detect(clk, rst, ...)`, is the module's even where the port reader
 * took it for a port. On eval/user's 47 specs the model, free to pick any
 * word but prose, named 17 modules after a prose word or a port (`adder`
 * for add4, `clk` for sipo8).
 */
export function codeShapedWords(spec: string, ports: ReadonlySet<string>): string[] {
  const standalone = spec.match(new RegExp(`(?<![\\w$'])${ID}`, 'g')) ?? [];
  const headers = new Set([...spec.matchAll(new RegExp(`(${ID})\\s*\\([^()\\n]*,`, 'g'))].map((m) => m[1]!));
  return [...new Set(standalone)].filter((w) => w.length > 2 && /[0-9_]/.test(w) && /[a-z]/.test(w) && !SIGNAL.test(w) && nameable(w) && (!ports.has(w) || headers.has(w)));
}

/** The module's possible names: the ones the spec gives (namedModules, codeShapedWords), else any word of the spec that is no prose. */
export function moduleWords(words: readonly string[], given: readonly string[]): string[] {
  return given.length ? [...given] : words.filter(nameable);
}
