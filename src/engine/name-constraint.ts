import { EVENT_WORDS, type Keywords } from './grammar.js';
import { rangeRow, rangeSlot } from './ranges.js';
import { declaredPorts, nameSlot, PieceIndex, slotBias, type NameSlot } from './names.js';
import type { SpecNames } from './spec-names.js';
import { allowsUse, assignableNames, declarationSlot, declaredNames, headerDone, nameSet, nameWritten, pieceShape, statementWords, takenNames, useSlot, useWords, type PieceShape } from './uses.js';

/** Names declared in the output up to its last `;`: the same for every node of a step. */
interface Declared {
  upTo: number;
  ports: Set<string>;
  names: Set<string>;
  /** The output up to its last `;`: what a body may not declare again is read from it (`takenNames`). */
  text: string;
  header: boolean;
  /** What a statement in a block may assign or call (uses.ts `assignableNames`). */
  assignable: Set<string>;
}

/**
 * Names from the spec where the text declares one (names.ts), declared names
 * where it uses one (uses.ts): a node's row from its text. Rows are cached
 * within one decode.
 */
export class NameConstraint {
  private readonly rows = new Map<string, Float32Array | null>();
  private readonly uses = new Map<string, ReturnType<typeof nameSet>>();
  private declared: Declared = { upTo: -1, ports: new Set(), names: new Set(), text: '', header: false, assignable: new Set() };

  private readonly shapes: PieceShape[];
  private readonly index: PieceIndex;
  /** The spec's names with no widths: a port declaration's fallback where none fits its range. */
  private readonly anyWidth: SpecNames;

  constructor(private readonly names: SpecNames, private readonly pieces: readonly string[]) {
    this.shapes = pieces.map(pieceShape);
    this.index = new PieceIndex(this.shapes);
    this.anyWidth = { ...names, widths: new Map() };
  }

  /** Reads the names the output declares up to its last `;`: the same for every node of a step. */
  prepare(outputText: string): void {
    const split = outputText.lastIndexOf(';') + 1;
    if (this.declared.upTo === split) return;
    const done = outputText.slice(0, split);
    this.declared = { upTo: split, ports: declaredPorts(done), names: declaredNames(done), text: done, header: headerDone(done), assignable: assignableNames(done) };
  }

  /**
   * The row for a node: `text` ends like the node's full text; `statement` is its full text past the
   * output's last `;` (after `prepare`). `keywords`: which keywords a use may be here (the grammar's say:
   * none in an expression, an event's in an event).
   */
  row(text: string, statement: string, keywords: Keywords = 'all', dead: readonly string[] = []): Float32Array | null {
    const slot = nameSlot(text);
    if (slot) {
      const ports = slot.kind === 'port' ? new Set([...this.declared.ports, ...declaredPorts(statement)]) : new Set<string>();
      const key = `name|${JSON.stringify(slot)}|${[...ports].join(',')}`;
      if (!this.rows.has(key)) this.rows.set(key, this.slotRow(slot, ports));
      return this.rows.get(key)!;
    }
    const range = rangeSlot(text);
    if (range !== null) return this.rangeRow(range, statement);
    if (!this.declared.header && !headerDone(statement)) return null;
    const use = useSlot(text);
    if (!use) return this.declarationRow(text, statement);
    // A statement in a block begins with what it assigns (or a task it calls): a variable, never a net or an input.
    const names = keywords === 'block' ? [...this.declared.assignable, ...assignableNames(statement)] : [...this.declared.names, ...declaredNames(statement)];
    const declared = [...new Set(names)].sort().join(',');
    // Where a statement begins, not the block words the grammar refuses there.
    const refused = keywords === 'statement' || keywords === 'block' ? dead.join(',') : '';
    const key = `use|${use.partial}|${use.inEvent}|${keywords}|${refused}|${declared}`;
    if (!this.rows.has(key)) {
      // In an event (`@(posedge a or ...`) `or` is a word too.
      const wordsKey = `${use.inEvent}|${keywords}|${refused}|${declared}`;
      let words = this.uses.get(wordsKey);
      const allowed = [...declared.split(',').filter(Boolean), ...(use.inEvent ? ['or'] : [])];
      if (!words) this.uses.set(wordsKey, (words = wordsFor(keywords, allowed, refused ? refused.split(',') : [])));
      this.rows.set(key, this.useRow(use.partial, words));
    }
    return this.rows.get(key)!;
  }

  /**
   * Inside a port's range: the width of a listed port not declared yet (of the declaration's direction,
   * where the spec gives one), where the spec gives every listed port a width, or holds the header to its
   * interface (any range while a port to come has no width).
   */
  private rangeRow(range: string, statement: string): Float32Array | null {
    const { listed, widths, directions, required } = this.names;
    if (listed.length < 2 || (required.length === 0 && !listed.every((name) => widths.has(name)))) return null;
    const declared = new Set([...this.declared.ports, ...declaredPorts(statement)]);
    const direction = [...statement.matchAll(/\b(input|output|inout)\b/g)].pop()?.[1];
    const fits = (name: string) => !declared.has(name) && (!direction || !directions.has(name) || directions.get(name) === direction);
    const coming = listed.filter(fits);
    if (coming.some((name) => !widths.has(name))) return null;
    const open = coming.map((name) => widths.get(name)!);
    const parameters = /\b(?:parameter|localparam)\b/.test(this.declared.text + statement);
    const key = `range|${range}|${[...new Set(open)].sort().join(',')}|${parameters}`;
    if (!this.rows.has(key)) this.rows.set(key, rangeRow(range, open, this.pieces, parameters));
    return this.rows.get(key)!;
  }

  /**
   * At a declaration's name in the header: the spec's names (names.ts); where none fits the slot (a
   * range no port still to come has), any of them, whatever its width; where none is left, any name
   * but one declared already. Free, a model lost there declares `output [13:0] Key` again and again.
   */
  private slotRow(slot: NameSlot, ports: ReadonlySet<string>): Float32Array | null {
    const row = slotBias(slot, this.names, this.index, ports);
    if (row || slot.kind !== 'port') return row;
    return slotBias(slot, this.anyWidth, this.index, ports) ?? this.notTaken(slot.partial, new Set([...ports, ...slot.listed]));
  }

  /** At a body declaration's new name: any name but one declared already. */
  private declarationRow(text: string, statement: string): Float32Array | null {
    const partial = declarationSlot(text);
    if (partial === null) return null;
    // The name begun is not declared yet: the names before it are.
    const taken = [...takenNames(this.declared.text + statement.slice(0, statement.length - partial.length))].sort().join(',');
    const key = `declare|${partial}|${taken}`;
    if (!this.rows.has(key)) this.rows.set(key, this.notTaken(partial, new Set(taken.split(',').filter(Boolean))));
    return this.rows.get(key)!;
  }

  /** Every token but those that complete a name of `taken` (after `partial`, the name begun); null where none is taken. */
  private notTaken(partial: string, taken: ReadonlySet<string>): Float32Array | null {
    if (taken.size === 0) return null;
    const row = new Float32Array(this.shapes.length).fill(0);
    this.shapes.forEach((shape, id) => {
      const written = nameWritten(partial, shape);
      if (written && written.after !== '' && shape.piece !== '' && taken.has(written.name)) row[id] = -Infinity;
    });
    return row.includes(0) ? row : null;
  }

  /** The row at a use (what `allowsUse` says of every token), checking only tokens that could pass. */
  private useRow(partial: string, words: ReturnType<typeof nameSet>): Float32Array | null {
    const { shapes, index } = this;
    const row = new Float32Array(shapes.length).fill(-Infinity);
    const check = (id: number) => {
      if (allowsUse(partial, shapes[id]!, words)) row[id] = 0;
    };
    if (partial) {
      if (words.words.has(partial)) for (const id of index.noLead) row[id] = 0; // the name ends here, complete
      for (const prefix of words.prefixes) {
        if (prefix.length > partial.length && prefix.startsWith(partial)) index.byLead.get(prefix.slice(partial.length))?.forEach(check);
      }
    } else {
      for (const id of index.noStart) row[id] = 0; // an operator, a number, punctuation: no name
      for (const prefix of words.prefixes) index.byStartLead.get(prefix)?.forEach(check);
    }
    return row.includes(0) ? row : null;
  }

}

/** The words a use may be: declared names, and the keywords that may stand there. */
function wordsFor(keywords: Keywords, declared: string[], refused: readonly string[]): ReturnType<typeof nameSet> {
  if (keywords === 'all') return useWords(declared);
  if (keywords === 'statement' || keywords === 'block') return statementWords(declared, keywords === 'block', refused);
  return nameSet([...declared, ...(keywords === 'event' ? EVENT_WORDS : [])]);
}
