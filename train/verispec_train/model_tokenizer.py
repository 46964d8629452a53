"""The tokenizer a model's embeddings are indexed by: the corpus's own, or a checkpoint's.

A checkpoint this project saved has no tokenizer of its own (or the corpus's
tokenizer.json, as train/state/ has): the corpus JSONL's ids serve as they
are. A checkpoint from elsewhere, a hub id or a folder in Hugging Face layout
(CodeT5p's byte-level BPE: vocab.json + merges.txt, `<s> ... </s>`, pad 0,
eos 2), brings its own: the corpus text is re-encoded with it, and that
tokenizer is what training saves beside the weights and the package ships.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tokenizers import Tokenizer

from .data import Example, read_examples
from .tokenizer import EOS, FRAG, PAD, UNK, source_text

# Any of these in a folder means it carries a tokenizer (hub layouts: fast, BPE, SentencePiece).
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.json", "spiece.model")


@dataclass
class ModelTokenizer:
    backend: Tokenizer  # what the engine encodes specs with (the package's tokenizer.json)
    checkpoint: Any | None  # the checkpoint's transformers tokenizer; None: the corpus's ids serve
    pad: int
    eos: int
    unk: int | None
    frag: int | None  # None: no [FRAG] token (a checkpoint trained elsewhere)
    corpus_json: Path | None = None  # the corpus's tokenizer.json, shipped byte for byte

    def write_json(self, path: Path) -> None:
        """The tokenizer.json a package ships (tokenizers' format, which tokenizers.js reads)."""
        if self.corpus_json is not None:
            shutil.copy(self.corpus_json, path)
        else:
            self.backend.save(str(path))

    def __len__(self) -> int:
        return self.backend.get_vocab_size(with_added_tokens=True)

    def examples(self, path: Path, frag_tokens: bool = False, max_source: int = 512) -> list[Example]:
        """A split's examples in this tokenizer's ids (with [FRAG] tokens in the stream if asked)."""
        if frag_tokens and self.frag is None:
            raise SystemExit(f"the checkpoint's tokenizer has no {FRAG} token: --rule syntax-frag needs one (use vanilla or syntax)")
        return read_examples(path, None if self.checkpoint is None else self.backend, self.eos, self.frag if frag_tokens else None, max_source=max_source)

    def source_ids(self, row: dict[str, Any]) -> list[int]:
        """The encoder's ids for one corpus row, as the engine encodes the spec."""
        if self.checkpoint is None:
            return list(row["input_ids"])
        return self.backend.encode(source_text(row["instruction"], row["input"])).ids

    def save(self, folder: Path) -> None:
        """Beside a checkpoint's weights, so the next stage (--init) and the export find it."""
        if self.checkpoint is not None:
            self.checkpoint.save_pretrained(folder)

    def manifest_ids(self) -> dict[str, int]:
        """The package's special token ids. The engine leaves unk and frag out of decoded text;
        a tokenizer without them names pad there, which decodes to nothing too."""
        return {"pad": self.pad, "eos": self.eos, "unk": self.pad if self.unk is None else self.unk, "frag": self.pad if self.frag is None else self.frag}

    def transformers_js_files(self, folder: Path) -> None:
        """tokenizer.json and tokenizer_config.json as transformers.js loads them."""
        folder.mkdir(parents=True, exist_ok=True)
        if self.checkpoint is not None:
            self.checkpoint.save_pretrained(folder, legacy_format=False)
            return
        self.write_json(folder / "tokenizer.json")
        (folder / "tokenizer_config.json").write_text(json.dumps({
            "tokenizer_class": "T5TokenizerFast", "pad_token": PAD, "eos_token": EOS, "unk_token": UNK,
            "additional_special_tokens": [FRAG], "model_max_length": 512,
        }, indent=1) + "\n")


def model_tokenizer(corpus: Path, checkpoint: str | Path | None = None) -> ModelTokenizer:
    """The corpus's tokenizer, or `checkpoint`'s own where it has a different one."""
    corpus_tokenizer = Tokenizer.from_file(str(corpus / "tokenizer.json"))
    own = None if checkpoint is None else _checkpoint_tokenizer(str(checkpoint), corpus_tokenizer)
    if own is None:
        ids = {name: corpus_tokenizer.token_to_id(token) for name, token in (("pad", PAD), ("eos", EOS), ("unk", UNK), ("frag", FRAG))}
        return ModelTokenizer(corpus_tokenizer, None, **ids, corpus_json=corpus / "tokenizer.json")
    if own.pad_token_id is None or own.eos_token_id is None:
        raise SystemExit(f"{checkpoint}: its tokenizer names no pad or eos token (T5 needs both)")
    backend = Tokenizer.from_str(own.backend_tokenizer.to_str())
    backend.no_truncation()  # the engine encodes whole specs; the length limit is max_source's
    backend.no_padding()
    return ModelTokenizer(backend, own, own.pad_token_id, own.eos_token_id, own.unk_token_id, own.get_vocab().get(FRAG))


def _checkpoint_tokenizer(init: str, corpus_tokenizer: Tokenizer) -> Any | None:
    folder = Path(init)
    if folder.is_dir():
        if not any((folder / name).exists() for name in TOKENIZER_FILES):
            return None
        # A bare tokenizer.json (train/state/) is compared without transformers, which would
        # read it as a T5 SentencePiece tokenizer and add 100 <extra_id> tokens.
        if not (folder / "tokenizer_config.json").exists() and (folder / "tokenizer.json").exists():
            if Tokenizer.from_file(str(folder / "tokenizer.json")).get_vocab() == corpus_tokenizer.get_vocab():
                return None
    from transformers import AutoTokenizer

    own = AutoTokenizer.from_pretrained(init)
    if not own.is_fast:
        raise SystemExit(f"{init}: no fast (tokenizers) version of its tokenizer; the engine needs a tokenizer.json")
    return None if own.get_vocab() == corpus_tokenizer.get_vocab() else own
