/**
 * Uses of declared names: past the module header, an identifier the code
 * reads or writes is one it has declared (a port, wire, reg, integer, genvar,
 * parameter, function) or a Verilog keyword. A small model that was made to
 * name a port `operand` (the spec's word) still writes `case (op)`: the name
 * it learnt. iverilog rejects the design ("Unable to bind wire/reg/memory
 * `op`"); ruling such identifiers out makes the model pick a declared one.
 *
 * New names are free where they are declared (after `wire`, `reg`,
 * `integer`, ... up to `=` or `;`), as are labels (`begin : name`),
 * hierarchical and port references (`.name`), numbers (`4'hA`), system tasks,
 * macros, comments and strings.
 */

/** Verilog's reserved words (and SystemVerilog's `logic`): never a name. */
export const RESERVED = new Set(`always and assign automatic begin buf bufif0 bufif1 case casex casez cmos deassign default defparam
disable edge else end endcase endfunction endgenerate endmodule endprimitive endspecify endtable endtask event for force forever fork
function generate genvar highz0 highz1 if ifnone initial inout input integer join large localparam macromodule medium module nand
negedge nmos nor not notif0 notif1 or output parameter pmos posedge primitive pull0 pull1 pulldown pullup rcmos real realtime reg
release repeat rnmos rpmos rtran rtranif0 rtranif1 scalared signed small specify specparam strong0 strong1 supply0 supply1 table task
time tran tranif0 tranif1 tri tri0 tri1 triand trior trireg unsigned vectored wait wand weak0 weak1 while wire wor xnor xor logic`.split(/\s+/));
/** Keywords of SystemVerilog (iverilog -g2012 reserves them) a model may take for a name. */
export const SV_RESERVED = new Set(`bit byte int shortint longint string type class interface endinterface package endpackage
program endprogram property endproperty sequence endsequence assert assume cover final alias break continue do foreach return void
struct union enum typedef priority unique const extern import export local new null packed protected pure rand randc ref shortreal
static super this var virtual with within inside bind checker clocking config constraint covergroup dist expect global iff let
modport nettype solve tagged throughout uwire wildcard`.split(/\s+/));
/** Keywords a body writes where an identifier could stand (gate primitives aside: this model writes none, and `or` only in an event). */
const KEYWORDS = [...RESERVED].filter((w) => !/^(?:and|nand|nor|not|or|xor|xnor|buf|bufif[01]|notif[01]|[nrp]?cmos|[nrp]?mos|r[np]mos|r?tran.*|pull.*|supply[01]|strong[01]|weak[01]|highz[01]|small|medium|large|table|endtable|primitive|endprimitive|specify|endspecify|specparam)$/.test(w));
/** Keywords after which the names are new ones (up to `=`, `;` or a parenthesis). */
const DECLARES = /\b(?:wire|reg|integer|genvar|localparam|parameter|real|time|logic|function|task|input|output|inout)\b([^;=()]*)/g;
const IDENT = /[A-Za-z_][A-Za-z0-9_$]*/g;
const NOT_NAMES = new Set(['wire', 'reg', 'signed', 'unsigned', 'logic', 'integer', 'input', 'output', 'inout', 'real', 'time']);

/** Keywords that declare a list of nets, variables or parameters, each with its own initializer (`localparam A = 0, B = 1`). */
const LISTS = /\b(?:wire|reg|integer|genvar|localparam|parameter|real|time|logic)\b/g;

/** A declaration's declarators, from after its keyword up to its `;` (or the `)` that closes its list). */
function declaratorParts(rest: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const c of rest) {
    if (c === ';') break;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth < 0) break;
    if (c === ',' && depth === 0) {
      parts.push(part);
      part = '';
    } else part += c;
  }
  parts.push(part);
  return parts;
}

/** The names in one declarator (ranges, type words, its initializer aside). */
function partNames(part: string): string[] {
  return (part.split('=')[0]!.replace(/\[[^\]]*\]?/g, ' ').match(IDENT) ?? []).filter((id) => !NOT_NAMES.has(id));
}

/** The names of a declaration's declarators. */
function declarators(rest: string): string[] {
  return declaratorParts(rest).flatMap(partNames);
}

/** Names `text` declares: ports, nets, variables, parameters, functions (ranges and type words aside). */
export function declaredNames(source: string): Set<string> {
  const text = codeOnly(source);
  const names = new Set<string>();
  for (const m of text.matchAll(DECLARES)) {
    for (const id of m[1]!.replace(/\[[^\]]*\]?/g, ' ').match(IDENT) ?? []) if (!NOT_NAMES.has(id)) names.add(id);
  }
  for (const m of text.matchAll(LISTS)) for (const id of declarators(text.slice(m.index + m[0].length))) names.add(id);
  // The port list of a non-ANSI header, `module m (a, b, c);`, names ports declared further down.
  const list = /\bmodule\s+[A-Za-z_][A-Za-z0-9_$]*\s*(?:#\s*\([^()]*\)\s*)?\(([^()]*)\)/.exec(text);
  for (const id of list?.[1]!.match(IDENT) ?? []) if (!NOT_NAMES.has(id)) names.add(id);
  return names;
}

/**
 * Names a body may not declare again (iverilog: "has already been declared"): the ports an ANSI
 * header declares, and the nets, variables and parameters declared so far. A port a non-ANSI
 * header lists (`module m (q); output q; reg q;`) may still get its net or variable.
 */
export function takenNames(source: string): Set<string> {
  const text = codeOnly(source);
  const header = /\bmodule\b[^;]*\)\s*;/.exec(text);
  if (!header) return new Set();
  const taken = /\b(?:input|output|inout)\b/.test(header[0]) ? declaredNames(header[0]) : new Set<string>();
  // Functions and tasks have scopes of their own, and so does a `for (genvar i ...` header.
  const body = text.slice(header.index + header[0].length).replace(/\b(function|task)\b[\s\S]*?(?:\bend\1\b|$)/g, (m) => ' '.repeat(m.length));
  for (const m of body.matchAll(LISTS)) {
    if (/\bfor\s*\(\s*$/.test(body.slice(Math.max(0, m.index - 16), m.index))) continue;
    for (const id of declarators(body.slice(m.index + m[0].length))) taken.add(id);
  }
  return taken;
}

/** Keywords that declare variables: what a procedural statement may assign. */
const VARIABLES = /\b(?:reg|integer|real|realtime|time|logic)\b/g;

/**
 * What a statement in a block may begin with (its target, or a task it calls): the variables the
 * text declares (`reg`, `integer`, `output reg` in a header; not the ports after it in an ANSI
 * list), its functions (a function assigns its own name) and its tasks. Not a net or an input:
 * `q <= d` for an `output q` with no `reg` is "not a valid l-value".
 */
export function assignableNames(source: string): Set<string> {
  const text = codeOnly(source);
  const names = new Set<string>();
  for (const m of text.matchAll(VARIABLES)) {
    for (const part of declaratorParts(text.slice(m.index + m[0].length))) {
      if (/\b(?:input|output|inout|wire)\b/.test(part)) break; // the next port of an ANSI list
      const id = partNames(part)[0];
      if (id) names.add(id);
    }
  }
  for (const m of text.matchAll(/\b(?:function|task)\b((?:\s+(?:automatic|signed|unsigned|integer|real|reg))*\s*(?:\[[^\]]*\])?\s*)([A-Za-z_][A-Za-z0-9_$]*)/g)) names.add(m[2]!);
  return names;
}

/** Where `text` ends at a new name of a body declaration (`reg [3:0] cou`, `localparam A = 0, B`): the identifier begun so far. */
export function declarationSlot(source: string): string | null {
  if (endsInComment(source)) return null;
  const text = codeOnly(source);
  const partial = /[A-Za-z_][A-Za-z0-9_$]*$/.exec(text)?.[0] ?? '';
  const before = text.slice(0, text.length - partial.length);
  if (/[0-9'$`.]$/.test(before) || before.lastIndexOf('[') > before.lastIndexOf(']')) return null;
  const statement = before.slice(before.lastIndexOf(';') + 1);
  return /\b(?:wire|reg|integer|genvar|localparam|parameter|real|time|logic)\b[^;=()]*$/.test(statement) || listsNewName(before) ? partial : null;
}

/** Comments and strings of Verilog (one left open at the end included). */
const NOT_CODE = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\n]|\\.)*"?/g;

/** `text` with its comments and strings blanked, offsets kept: names are read from code only (`// Output logic` declares nothing). */
export function codeOnly(text: string): string {
  // A node's text is read by several slots in a row (names, ranges, declarations): blank it once.
  if (text !== lastCode.text) lastCode = { text, code: text.replace(NOT_CODE, (m) => m.replace(/[^\n]/g, ' ')) };
  return lastCode.code;
}
let lastCode = { text: '', code: '' };

/** Whether `text` ends inside a comment or a string. */
export function endsInComment(text: string): boolean {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(NOT_CODE)) last = m as RegExpExecArray;
  if (!last || last.index + last[0].length !== text.length) return false;
  const m = last[0];
  return m.startsWith('//') || (m.startsWith('/*') && !(m.length > 3 && m.endsWith('*/'))) || (m.startsWith('"') && (m.length === 1 || !m.endsWith('"')));
}

/** Whether the module header (`module ... );`) is over in `text`: uses are checked past it. */
export function headerDone(text: string): boolean {
  return /\bmodule\b[^;]*\)\s*;/.test(text);
}

/** Where `text` ends at an identifier use: the identifier begun so far (`''` before one); null where names are free. */
export function useSlot(text: string): { partial: string; inEvent: boolean } | null {
  const line = text.slice(text.lastIndexOf('\n') + 1);
  if (line.includes('//') || (line.match(/"/g) ?? []).length % 2 === 1) return null;
  if (text.lastIndexOf('/*') > text.lastIndexOf('*/')) return null;
  const partial = /[A-Za-z_][A-Za-z0-9_$]*$/.exec(text)?.[0] ?? '';
  const before = text.slice(0, text.length - partial.length);
  // Part of a number (4'hA, 8'd0, 1e3), a system task, a macro, a hierarchical or port name, or a longer word.
  if (/[0-9'$`.A-Za-z_]$/.test(before)) return null;
  if (/\bbegin\s*:\s*$/.test(before)) return null;
  // Inside a declaration, before its `=`: the names are new.
  let declaring: RegExpExecArray | null = null;
  for (const m of before.slice(-200).matchAll(/\b(?:wire|reg|integer|genvar|localparam|parameter|real|time|logic|function|task|input|output|inout)\b[^;=()]*$/g)) declaring = m as RegExpExecArray;
  if (declaring || listsNewName(before)) return null;
  return { partial, inEvent: /@\s*\([^)]*$/.test(before) };
}

/** After a comma between declarators (`localparam A = 0, B = 1`, `wire x = a, y = b`): the next name is a new one. */
function listsNewName(before: string): boolean {
  const statement = before.slice(before.lastIndexOf(';') + 1);
  const m = /\b(?:wire|reg|integer|genvar|localparam|parameter|real|time|logic)\b([\s\S]*),\s*$/.exec(statement);
  if (!m) return false;
  let depth = 0;
  for (const c of m[1]!) depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
  return depth === 0;
}

/** A token's text, taken apart once per decode: every use row reads every token. */
export interface PieceShape {
  piece: string;
  /** Its leading identifier characters (continuing a name), and what follows them. */
  lead: string;
  leadRest: string;
  /** Its text after leading whitespace; the identifier that starts (null: none), and what follows it. */
  start: string;
  startLead: string | null;
  startRest: string;
}

export function pieceShape(piece: string): PieceShape {
  const lead = /^[A-Za-z0-9_$]*/.exec(piece)![0];
  const start = piece.trimStart();
  const startLead = /^[A-Za-z_]/.test(start) ? /^[A-Za-z0-9_$]*/.exec(start)![0] : null;
  return { piece, lead, leadRest: piece.slice(lead.length), start, startLead, startRest: startLead === null ? '' : start.slice(startLead.length) };
}

/** Words and every prefix of them: a token may write a whole word or be on its way to one. */
export interface NameSet {
  words: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
}

export function nameSet(words: Iterable<string>): NameSet {
  const set = new Set(words);
  const prefixes = new Set<string>();
  for (const w of set) for (let i = 1; i <= w.length; i++) prefixes.add(w.slice(0, i));
  return { words: set, prefixes };
}

/**
 * The name a token writes after `partial` (the identifier begun), and the text after it; null where
 * it starts none (no name begun, and the token starts with an operator, a number or punctuation).
 */
export function nameWritten(partial: string, shape: PieceShape): { name: string; after: string } | null {
  if (partial && shape.lead) return { name: partial + shape.lead, after: shape.leadRest };
  if (partial) return { name: partial, after: shape.piece }; // the token ends the name begun
  return shape.startLead === null ? null : { name: shape.startLead, after: shape.startRest };
}

/** Whether writing the token at a use keeps the identifier a declared name or keyword (or on its way to one). */
export function allowsUse(partial: string, shape: PieceShape, declared: NameSet): boolean {
  const written = nameWritten(partial, shape);
  if (!written) return true; // an operator, a number, punctuation: no name
  // The end of output ends a name begun too.
  const after = partial && !shape.lead && !shape.piece ? ' ' : written.after;
  return after === '' ? declared.prefixes.has(written.name) : declared.words.has(written.name);
}

/** The words a use may be, with their prefixes: the declared names and the keywords (in an event, add `or`). */
export function useWords(declared: Iterable<string>): NameSet {
  return nameSet([...declared, ...KEYWORDS]);
}

/** Keywords that begin no statement: an edge (`posedge`) stands only in an event, a signing after a type. */
const NO_STATEMENT = new Set(['posedge', 'negedge', 'edge', 'signed', 'unsigned']);

/**
 * Keywords a statement inside a `begin` or a case may begin with, procedural or in a generate block:
 * control flow, blocks, the module items of a generate block and its declarations. Not the rest
 * (`release`, `genvar`, `time`, `vectored`, `logic`): a model kept from a name it may not assign
 * there (an input, a net) writes those instead, and `release 8'd0;` or `genvar q[0] = q;` is no
 * closer to Verilog.
 */
const BLOCK_STARTS = ['if', 'else', 'case', 'casez', 'casex', 'for', 'while', 'repeat', 'forever', 'begin', 'end', 'endcase', 'fork', 'join',
  'wait', 'disable', 'assign', 'always', 'initial', 'wire', 'reg', 'integer', 'localparam', 'parameter'];

/**
 * The same where a statement begins (`inBlock`: inside a `begin` or a case: the keywords there, and
 * no module), but the `refused` ones (block words the grammar refuses here: `grammar.ts`, `deadBlockWords`).
 */
export function statementWords(declared: Iterable<string>, inBlock = false, refused: readonly string[] = []): NameSet {
  const keywords = inBlock ? BLOCK_STARTS : KEYWORDS.filter((w) => !NO_STATEMENT.has(w));
  return nameSet([...declared, ...keywords.filter((w) => !refused.includes(w))]);
}
