/**
 * How tree-sitter-verilog's grammar nodes map to fragment kinds.
 *
 * A fragment is a syntactically significant lexeme. Most fragments are the
 * parse tree's leaves; a few grammar nodes are lexemes whose pieces the grammar
 * splits (a string's quotes, a time literal's number and unit) and are taken
 * whole ("atomic"). The table below is the only place that knows grammar names.
 *
 * | kind        | grammar nodes                                                          |
 * | ----------- | ---------------------------------------------------------------------- |
 * | keyword     | anonymous word tokens: `module`, `posedge`, `endcase`, ...              |
 * | identifier  | simple_identifier, c_identifier, default_text, escaped_identifier (whole) |
 * | number      | unsigned/binary/octal/hex/decimal/fixed_point/real_number,              |
 * |             | unbased_unsized_literal, time_literal (whole: `10ns`), anonymous `'0`, `1'b0` |
 * | string      | string_literal and double_quoted_string (whole, quotes included), `"DPI-C"` |
 * | system      | system_tf_identifier (`$display`), anonymous `$`-tokens (`$setup`, `$root`) |
 * | directive   | anonymous `directive_*` tokens: `` `define ``, `` `timescale ``, `` `ifdef `` |
 * | macro       | macro_text (a `` `define `` body), a "`" leaf joined to the identifier after it (`` `WIDTH ``) |
 * | comment     | comment (line or block, one fragment each)                              |
 * | attribute   | the `(*` and `*)` that delimit an attribute instance                    |
 * | punctuation | `;` `,` `(` `)` `[` `]` `{` `}` `@` `#` `:` `.` `'{` `'` `::` `\`       |
 * | operator    | every other anonymous token: `<=`, `===`, `<<<`, `->`, `+:`, `?`, ...   |
 * | table       | UDP table symbols: level_symbol, edge_symbol, output_symbol             |
 * | error       | text the parser skipped (an ERROR leaf), split at whitespace            |
 */
export type FragmentKind =
  | 'keyword'
  | 'identifier'
  | 'number'
  | 'string'
  | 'system'
  | 'directive'
  | 'macro'
  | 'comment'
  | 'attribute'
  | 'punctuation'
  | 'operator'
  | 'table'
  | 'error';

export const FRAGMENT_KINDS: readonly FragmentKind[] = [
  'keyword', 'identifier', 'number', 'string', 'system', 'directive', 'macro',
  'comment', 'attribute', 'punctuation', 'operator', 'table', 'error',
];

/** Named nodes taken as one fragment, whatever children the grammar gives them. */
export const ATOMIC_NODES: ReadonlyMap<string, FragmentKind> = new Map<string, FragmentKind>([
  ['string_literal', 'string'],
  ['double_quoted_string', 'string'],
  ['escaped_identifier', 'identifier'],
  ['time_literal', 'number'],
]);

const NAMED_LEAVES: ReadonlyMap<string, FragmentKind> = new Map<string, FragmentKind>([
  ['simple_identifier', 'identifier'],
  ['c_identifier', 'identifier'],
  ['default_text', 'identifier'],
  ['unsigned_number', 'number'],
  ['binary_number', 'number'],
  ['octal_number', 'number'],
  ['hex_number', 'number'],
  ['decimal_number', 'number'],
  ['fixed_point_number', 'number'],
  ['real_number', 'number'],
  ['unbased_unsized_literal', 'number'],
  ['system_tf_identifier', 'system'],
  ['macro_text', 'macro'],
  ['comment', 'comment'],
  ['level_symbol', 'table'],
  ['edge_symbol', 'table'],
  ['output_symbol', 'table'],
  ['ERROR', 'error'],
]);

const PUNCTUATION = new Set([';', ',', '(', ')', '[', ']', '{', '}', '@', '#', ':', '.', "'{", "'", '::', '`', '\\']);

/** The kind of a leaf node; `type` is the grammar's node type, `named` whether it is a named node. */
export function kindOfLeaf(type: string, named: boolean): FragmentKind {
  if (named) return NAMED_LEAVES.get(type) ?? 'identifier';
  if (type.startsWith('directive_')) return 'directive';
  if (type === '(*' || type === '*)') return 'attribute';
  if (type === '"DPI"' || type === '"DPI-C"' || type === '"') return 'string';
  if (PUNCTUATION.has(type)) return 'punctuation';
  if (/^[A-Za-z_]/.test(type)) return 'keyword';
  if (type.startsWith('$')) return 'system';
  if (/^[0-9]/.test(type) || /^'[0-9A-Za-z]/.test(type)) return 'number';
  return 'operator';
}

/**
 * Kinds whose lexeme can grow by appending characters. A fragment of one of
 * these kinds that ends the known text is incomplete (`pos` may become
 * `posedge`, `8'h` may become `8'hFF`).
 */
export const GROWING_KINDS: ReadonlySet<FragmentKind> = new Set<FragmentKind>([
  'keyword', 'identifier', 'number', 'system', 'directive', 'macro', 'table', 'error',
]);
