"""A CodeT5p-like tokenizer trained on our own text: a byte-level BPE in
RoBERTa's layout (<pad> 0, <s> 1, </s> 2, <unk> 3, <mask> 4, a spec encoded
as `<s> ... </s>`), then `<extra_id_N>` added tokens, as CodeT5p-220m is
published (vocab.json + merges.txt). Used where no hub checkpoint can be
downloaded: the bring-your-own-checkpoint test and the randomly initialised
packages of `verispec_train.scale`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import RobertaTokenizerFast

SPECIALS = ["<pad>", "<s>", "</s>", "<unk>", "<mask>"]  # CodeT5's order: pad 0 is T5's decoder start


def codet5p_like_tokenizer(texts: Iterable[str], vocab_size: int, extra_ids: int = 100) -> RobertaTokenizerFast:
    """Exactly `vocab_size` tokens: a BPE of `vocab_size - extra_ids` trained on
    `texts`, then `extra_ids` special `<extra_id_N>`. Where the texts hold too
    few merges to fill the BPE, plain added tokens `<unused_N>` fill the gap
    (said on stderr), so that every id below `vocab_size` is a real token."""
    bpe_size = vocab_size - extra_ids
    if bpe_size < len(SPECIALS) + 256:
        raise ValueError(f"vocab_size {vocab_size} leaves no room for the 256 bytes and {len(SPECIALS)} specials besides {extra_ids} extra ids")
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator(texts, trainers.BpeTrainer(
        vocab_size=bpe_size, special_tokens=SPECIALS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False))
    bpe.post_processor = processors.RobertaProcessing(("</s>", 2), ("<s>", 1), trim_offsets=True, add_prefix_space=False)
    tokenizer = RobertaTokenizerFast(tokenizer_object=bpe, bos_token="<s>", eos_token="</s>", unk_token="<unk>", pad_token="<pad>",
                                     mask_token="<mask>", cls_token="<s>", sep_token="</s>", add_prefix_space=False)
    short = bpe_size - len(tokenizer)
    if short > 0:
        print(f"codet5p_like_tokenizer: the texts gave {len(tokenizer)} BPE tokens, not {bpe_size}: {short} added <unused_N> tokens fill the gap", file=sys.stderr)
        tokenizer.add_tokens([f"<unused_{i}>" for i in range(short)])
    tokenizer.add_special_tokens({"additional_special_tokens": [f"<extra_id_{i}>" for i in range(extra_ids)]})
    assert len(tokenizer) == vocab_size, (len(tokenizer), vocab_size)
    return tokenizer
