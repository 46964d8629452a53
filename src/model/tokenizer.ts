import { Tokenizer } from '@huggingface/tokenizers';

/** The package's tokenizer.json through tokenizers.js: the same ids as the Python side. */
export class ModelTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly pieces = new Map<number, string>();

  constructor(tokenizerJson: object, private readonly specialIds: ReadonlySet<number>) {
    this.tokenizer = new Tokenizer(tokenizerJson, {});
  }

  /** Encoder ids for a spec (the trailing </s> included, as in training). */
  encodeSpec(spec: string): number[] {
    return this.tokenizer.encode(spec).ids;
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
