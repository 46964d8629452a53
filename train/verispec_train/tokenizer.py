"""The byte-level BPE tokenizer (HF tokenizers), with T5's special tokens."""

from __future__ import annotations

from collections.abc import Iterable

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers

# Ids fixed by position: T5 uses pad as the decoder start token.
PAD, EOS, UNK, FRAG = "<pad>", "</s>", "<unk>", "[FRAG]"
SPECIAL_TOKENS = [PAD, EOS, UNK, FRAG]


def source_text(instruction: str, input_: str) -> str:
    """What the encoder reads: the instruction, then the input (a module header) if any."""
    return f"{instruction}\n{input_}" if input_ else instruction


def train_tokenizer(texts: Iterable[str], vocab_size: int) -> Tokenizer:
    tokenizer = Tokenizer(models.BPE(unk_token=UNK))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    # Every encoded sequence ends with </s>, as T5's own tokenizer does.
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"$A {EOS}", special_tokens=[(EOS, tokenizer.token_to_id(EOS))]
    )
    for position, token in enumerate(SPECIAL_TOKENS):
        assert tokenizer.token_to_id(token) == position, f"{token} must have id {position}"
    return tokenizer
