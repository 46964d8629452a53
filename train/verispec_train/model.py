"""T5 encoder-decoder (the CodeT5p-220m architecture) with MEDUSA heads.

Head k (1-based) reads the decoder's last hidden state at position t and
predicts the token at t+k+1, one further than the base's t+1. A head is a
residual block x + SiLU(W x + b), W zero-initialised so a new head starts as
the base, then a vocabulary projection: its own (the paper's and MEDUSA's
choice, initialised from the base lm_head) or the base lm_head itself (a
tiny download: the default for the shipped model).

Chained heads (Hydra's idea): head k also reads the token just before its
target, y_k (the base's next token for head 1, head k-1's pick after that),
and what head k-1 added to the hidden state, r_(k-1):
r_k = SiLU(W_k h + b_k + U_k rms(embed(y_k)) + V_k r_(k-1)), r_0 = 0, and
head k's state is h + r_k. MEDUSA's heads guess t+2, t+3, ... independently
of what the earlier heads guessed; a chain's head guesses the continuation
of its own draft. With U and V at zero a chained head is a MEDUSA head, so
a chain starts from trained MEDUSA heads (or from zero, as the base).
Trained with the true tokens as y (teacher forcing): what a draft that is
right so far feeds it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
from torch import nn
from transformers import T5Config, T5ForConditionalGeneration

from .labels import head_inputs

HEADS_FILE = "heads-{variant}.pt"
HEADS_CONFIG = "heads-{variant}.json"


@dataclass
class HeadsConfig:
    num_heads: int = 10
    shared_projection: bool = True
    chained: bool = False


class ResidualBlock(nn.Module):
    def __init__(self, d_model: int) -> None:
        super().__init__()
        self.linear = nn.Linear(d_model, d_model)
        nn.init.zeros_(self.linear.weight)
        nn.init.zeros_(self.linear.bias)
        self.act = nn.SiLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.act(self.linear(x))


class MedusaHeads(nn.Module):
    """K heads over the decoder's hidden states; returns logits [K, B, T, V]."""

    def __init__(self, config: HeadsConfig, base: T5ForConditionalGeneration) -> None:
        super().__init__()
        self.config = config
        d_model, vocab = base.config.d_model, base.config.vocab_size
        self.blocks = nn.ModuleList(ResidualBlock(d_model) for _ in range(config.num_heads))
        self.projections = nn.ModuleList()
        if not config.shared_projection:
            for _ in range(config.num_heads):
                proj = nn.Linear(d_model, vocab, bias=False)
                proj.weight.data.copy_(base.lm_head.weight.data)
                self.projections.append(proj)

    def first(self, count: int) -> None:
        """Keep only the first `count` heads: a tree never deeper than that needs no others, and each
        head costs a vocabulary projection a step."""
        if not 1 <= count <= self.config.num_heads:
            raise ValueError(f"can keep 1 to {self.config.num_heads} heads, not {count}")
        self.blocks = self.blocks[:count]
        if not self.config.shared_projection:
            self.projections = self.projections[:count]
        self.config = replace(self.config, num_heads=count)

    def forward(self, hidden: torch.Tensor, lm_head: nn.Module, scale: float, tokens: torch.Tensor | None = None, embed: nn.Module | None = None) -> torch.Tensor:
        """`tokens` and `embed` are for chained heads; MEDUSA's read the hidden state alone."""
        outs = []
        for k, block in enumerate(self.blocks):
            proj = lm_head if self.config.shared_projection else self.projections[k]
            outs.append(proj(block(hidden) * scale))
        return torch.stack(outs)


def rms_normalized(x: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """x over its root mean square (T5's embeddings are large; a chain's token input should not be)."""
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)


class ChainedHeads(MedusaHeads):
    """MEDUSA's residual blocks, each also reading a token and the head before it (module docstring)."""

    def __init__(self, config: HeadsConfig, base: T5ForConditionalGeneration) -> None:
        if not config.shared_projection:
            raise ValueError("chained heads share the base's lm_head")
        super().__init__(config, base)
        d_model = base.config.d_model
        self.token_inputs = nn.ModuleList(nn.Linear(d_model, d_model, bias=False) for _ in range(config.num_heads))
        self.chain_inputs = nn.ModuleList(nn.Linear(d_model, d_model, bias=False) for _ in range(config.num_heads))
        for linear in [*self.token_inputs, *self.chain_inputs]:
            nn.init.zeros_(linear.weight)

    def first(self, count: int) -> None:
        super().first(count)
        self.token_inputs = self.token_inputs[:count]
        self.chain_inputs = self.chain_inputs[:count]

    def step(self, k: int, hidden: torch.Tensor, before: torch.Tensor, token_embedding: torch.Tensor) -> torch.Tensor:
        """r_k (0-based k): what head k adds to the hidden state, given r_(k-1) and its input token's embedding."""
        block = self.blocks[k]
        return block.act(block.linear(hidden) + self.token_inputs[k](rms_normalized(token_embedding)) + self.chain_inputs[k](before))

    def forward(self, hidden: torch.Tensor, lm_head: nn.Module, scale: float, tokens: torch.Tensor | None = None, embed: nn.Module | None = None) -> torch.Tensor:
        """tokens [K, B, T]: head k's input token at each position (labels.head_inputs)."""
        if tokens is None or embed is None:
            raise ValueError("chained heads need each head's input tokens and the embedding")
        outs, added = [], torch.zeros_like(hidden)
        for k in range(len(self.blocks)):
            added = self.step(k, hidden, added, embed(tokens[k]))
            outs.append(lm_head((hidden + added) * scale))
        return torch.stack(outs)

    def load_medusa(self, state: dict[str, torch.Tensor]) -> None:
        """Trained MEDUSA heads' blocks as this chain's start (token and chain inputs at zero: the same heads)."""
        missing, unexpected = self.load_state_dict(state, strict=False)
        if unexpected or any(not name.startswith(("token_inputs.", "chain_inputs.")) for name in missing):
            raise ValueError(f"not MEDUSA heads of this shape (missing {missing}, unexpected {unexpected})")


def make_heads(config: HeadsConfig, base: T5ForConditionalGeneration) -> MedusaHeads:
    return (ChainedHeads if config.chained else MedusaHeads)(config, base)


def output_scale(config: T5Config) -> float:
    """T5 rescales the decoder output before a tied lm_head; heads do the same."""
    return config.d_model**-0.5 if config.tie_word_embeddings else 1.0


def small_config(vocab_size: int, **overrides: int | float) -> T5Config:
    """The from-scratch config sized for this CPU (the CodeT5p-220m
    architecture, smaller): d 256, 4+4 layers, 4 heads of 64."""
    params: dict[str, int | float | str | bool] = dict(
        vocab_size=vocab_size, d_model=256, d_kv=64, d_ff=1024, num_layers=4, num_decoder_layers=4, num_heads=4,
        relative_attention_num_buckets=32, relative_attention_max_distance=128, dropout_rate=0.1,
        feed_forward_proj="relu", tie_word_embeddings=True, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
    )
    params.update(overrides)
    return T5Config(**params)


class T5Medusa(nn.Module):
    """The base T5 and one set of heads (a head variant: `vanilla`, `syntax`)."""

    def __init__(self, base: T5ForConditionalGeneration, heads: HeadsConfig) -> None:
        super().__init__()
        self.base = base
        self.heads = make_heads(heads, base)
        self.scale = output_scale(base.config)

    @classmethod
    def from_scratch(cls, config: T5Config, heads: HeadsConfig, seed: int = 0) -> T5Medusa:
        torch.manual_seed(seed)
        return cls(T5ForConditionalGeneration(config), heads)

    @classmethod
    def from_pretrained(cls, name_or_path: str | Path, heads: HeadsConfig, variant: str | None = None) -> T5Medusa:
        """A Hugging Face checkpoint (hub id such as Salesforce/codet5p-220m, or a
        folder written by save_pretrained); with `variant`, that variant's trained heads too."""
        # fp32 whatever the checkpoint stores (the committed training state is fp16).
        model = cls(T5ForConditionalGeneration.from_pretrained(str(name_or_path), dtype=torch.float32), heads)
        if variant is not None:
            model.load_heads(Path(name_or_path), variant)
        return model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, decoder_input_ids: torch.Tensor, with_heads: bool = True,
                labels: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Base logits [B, T, V] and head logits [K, B, T, V] (None without heads; chained
        heads read the `labels` they continue). Composes the base's own encoder, decoder and
        lm_head, as its forward does."""
        hidden = self.decoder_hidden(input_ids, attention_mask, decoder_input_ids)
        logits = self.base.lm_head(hidden * self.scale)
        if not with_heads or self.heads.config.num_heads == 0:
            return logits, None
        return logits, self.head_logits(hidden, labels)

    def decoder_hidden(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, decoder_input_ids: torch.Tensor) -> torch.Tensor:
        """The decoder's last hidden state (after its final layer norm)."""
        encoder_hidden = self.base.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.base.decoder(input_ids=decoder_input_ids, encoder_hidden_states=encoder_hidden, encoder_attention_mask=attention_mask, use_cache=False).last_hidden_state

    def head_logits(self, hidden: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        if not self.heads.config.chained:
            return self.heads(hidden, self.base.lm_head, self.scale)
        if labels is None:
            raise ValueError("chained heads need the labels they continue")
        tokens = head_inputs(labels, self.heads.config.num_heads, self.base.config.pad_token_id)
        return self.heads(hidden, self.base.lm_head, self.scale, tokens, self.base.shared)

    def save(self, folder: Path, variant: str | None) -> None:
        """The base as a Hugging Face checkpoint, and the heads as `variant`."""
        folder.mkdir(parents=True, exist_ok=True)
        self.base.save_pretrained(folder)
        if variant is not None:
            torch.save(self.heads.state_dict(), folder / HEADS_FILE.format(variant=variant))
            (folder / HEADS_CONFIG.format(variant=variant)).write_text(json.dumps(asdict(self.heads.config)) + "\n")

    def load_heads(self, folder: Path, variant: str) -> None:
        config = HeadsConfig(**json.loads((folder / HEADS_CONFIG.format(variant=variant)).read_text()))
        if config != self.heads.config:
            self.heads = make_heads(config, self.base)
        self.heads.load_state_dict(torch.load(folder / HEADS_FILE.format(variant=variant), map_location="cpu"))


def set_dropout(model: nn.Module, rate: float) -> None:
    """Dropout everywhere in a T5 (its nn.Dropout layers and its attention's own rate)."""
    for module in model.modules():
        if isinstance(module, nn.Dropout):
            module.p = rate
        elif isinstance(getattr(module, "dropout", None), float):
            module.dropout = rate
        config = getattr(module, "config", None)
        if isinstance(config, T5Config):
            config.dropout_rate = rate


def head_variants(folder: Path) -> list[str]:
    return sorted(p.name[len("heads-") : -len(".json")] for p in folder.glob("heads-*.json"))
