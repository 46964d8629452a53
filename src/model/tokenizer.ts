import { Tokenizer } from '@huggingface/tokenizers';

/** The package's tokenizer.json through tokenizers.js: the same ids as the Python side. */
export class ModelTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly pieces = new Map<number, string>();
  /** Byte-level token strings by id (GPT-2's byte alphabet), for showing partial characters. */
  private readonly vocab = new Map<number, string>();
  private readonly specialIds: ReadonlySet<number>;

  constructor(tokenizerJson: object, specialIds: ReadonlySet<number>) {
    this.tokenizer = new Tokenizer(tokenizerJson, {});
    // A checkpoint's own tokenizer (CodeT5p's) has special tokens the manifest does not name
    // (<s>, <mask>, <extra_id_N>): none of them is text, token by token as in `decode`.
    const added = (tokenizerJson as { added_tokens?: { id: number; special?: boolean }[] }).added_tokens ?? [];
    this.specialIds = new Set([...specialIds, ...added.filter((t) => t.special).map((t) => t.id)]);
    const vocab = (tokenizerJson as { model?: { vocab?: Record<string, number> } }).model?.vocab ?? {};
    for (const [token, id] of Object.entries(vocab)) this.vocab.set(id, token);
  }

  /** Encoder ids for a spec (the trailing </s> included, as in training). */
  encodeSpec(spec: string): number[] {
    return this.tokenizer.encode(spec).ids;
  }

  /** Decoder ids for code as the model writes it (no special tokens): for the drafting datastore. */
  encodeCode(code: string): number[] {
    return this.tokenizer.encode(code).ids.filter((id) => !this.specialIds.has(id));
  }

  /** Text of ids, special tokens left out. */
  decode(ids: readonly number[]): string {
    return this.tokenizer.decode(ids.filter((id) => !this.specialIds.has(id)), { skip_special_tokens: true });
  }

  /**
   * Text of each id on its own (cached), for cutting decoded text at token
   * ends. Byte-level pieces that are not whole characters decode together;
   * `appendText` handles those.
   */
  piece(id: number): string {
    let text = this.pieces.get(id);
    if (text === undefined) {
      text = this.specialIds.has(id) ? '' : this.tokenizer.decode([id]);
      this.pieces.set(id, text);
    }
    return text;
  }

  /**
   * A token as a person should see it on its own: its text, or, where it is
   * part of a multi-byte character (its text alone would be U+FFFD), its
   * bytes in hex, e.g. `<e2 80>`.
   */
  displayPiece(id: number): string {
    const text = this.piece(id);
    if (!text.includes('\uFFFD')) return text;
    const token = this.vocab.get(id);
    if (token === undefined) return text;
    return `<${[...token].map((c) => (BYTE_OF.get(c) ?? 0x3f).toString(16).padStart(2, '0')).join(' ')}>`;
  }

  /** The text `ids` add after `previous`, and where each id's text ends in it. */
  appendText(previous: readonly number[], ids: readonly number[]): { text: string; ends: number[] } {
    const ends: number[] = [];
    let text = '';
    let clean = true;
    for (const id of ids) {
      const p = this.piece(id);
      if (p.includes('\uFFFD')) clean = false;
      text += p;
      ends.push(text.length);
    }
    if (clean) return { text, ends };
    // A multi-byte character split over tokens: decode with context, ends by prefix.
    const context = previous.slice(-8);
    const before = this.decode(context);
    const full = this.decode([...context, ...ids]).slice(before.length);
    return { text: full, ends: ids.map((_, i) => this.decode([...context, ...ids.slice(0, i + 1)]).length - before.length) };
  }
}

/** GPT-2's byte-level alphabet, reversed: the character that stands for each byte -> the byte. */
const BYTE_OF: ReadonlyMap<string, number> = (() => {
  const printable = [...range(0x21, 0x7e), ...range(0xa1, 0xac), ...range(0xae, 0xff)];
  const map = new Map<string, number>();
  let extra = 0;
  for (let b = 0; b < 256; b++) map.set(String.fromCharCode(printable.includes(b) ? b : 256 + extra++), b);
  return map;
})();

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
