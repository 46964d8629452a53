"""The model's inference graphs as PyTorch modules, built from the trained
T5's own submodules (no copy of upstream code): what export.py writes to ONNX.

- Encoder: spec tokens -> each decoder layer's cross-attention keys and values,
  computed once per prompt.
- TreeStep: one decoder forward over T tree nodes with explicit absolute
  positions (T5's relative bias is computed from them, so siblings at one
  depth see the right distances), the tree's ancestor mask as an additive
  bias, the committed KV cache in, the nodes' KV out, and only small
  per-node reductions of the base distribution out (argmax, entropy, the
  best RANKED tokens...).
- KvCommit: the cache plus the committed nodes' keys and values.
- Heads: hidden states -> each head's top-k ids and log-probs.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn
from transformers import T5ForConditionalGeneration
from transformers.models.t5.modeling_t5 import T5Attention

from ..model import ChainedHeads, MedusaHeads, output_scale

# Tokens per node in the step's `ranked` output.
RANKED = 256


def split_heads(x: torch.Tensor, heads: int) -> torch.Tensor:
    """[N, H*d] -> [H, N, d]"""
    return x.view(x.shape[0], heads, -1).transpose(0, 1)


class Encoder(nn.Module):
    def __init__(self, base: T5ForConditionalGeneration) -> None:
        super().__init__()
        self.base = base

    def forward(self, input_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """input_ids [1, S] -> cross_key, cross_value [L, H, S, d_kv]."""
        hidden = self.base.encoder(input_ids=input_ids).last_hidden_state[0]
        heads = self.base.config.num_heads
        keys, values = [], []
        for block in self.base.decoder.block:
            attention = block.layer[1].EncDecAttention
            keys.append(split_heads(attention.k(hidden), heads))
            values.append(split_heads(attention.v(hidden), heads))
        return torch.stack(keys), torch.stack(values)


class TreeStep(nn.Module):
    def __init__(self, base: T5ForConditionalGeneration) -> None:
        super().__init__()
        self.base = base
        self.scale = output_scale(base.config)
        first = base.decoder.block[0].layer[0].SelfAttention
        self.relative_bias = first.relative_attention_bias
        self.num_buckets = first.relative_attention_num_buckets
        self.max_distance = first.relative_attention_max_distance

    def position_bias(self, query_positions: torch.Tensor, key_positions: torch.Tensor) -> torch.Tensor:
        """T5's causal relative position bias [H, Q, K] for explicit positions."""
        relative = key_positions[None, :] - query_positions[:, None]
        buckets = T5Attention._relative_position_bucket(relative, bidirectional=False, num_buckets=self.num_buckets, max_distance=self.max_distance)
        return self.relative_bias(buckets).permute(2, 0, 1)

    def forward(
        self,
        tokens: torch.Tensor,  # [T] int64; node 0 is the last committed token
        positions: torch.Tensor,  # [T] int64 absolute positions (past length + depth)
        parents: torch.Tensor,  # [T] int64 parent node index, -1 for the root
        tree_bias: torch.Tensor,  # [T, T] float: 0 where a node sees a node (ancestors, itself), -inf elsewhere
        past_key: torch.Tensor,  # [L, H, C, d_kv] cache buffer: slot p holds position p's key for p < past_length
        past_value: torch.Tensor,
        past_length: torch.Tensor,  # [1] int64: slots in use; the rest of the buffer is capacity, never attended
        cross_key: torch.Tensor,  # [L, H, S, d_kv] from the encoder
        cross_value: torch.Tensor,
        temperature: torch.Tensor,  # [1] float; sampling only
        uniforms: torch.Tensor,  # [T] float in [0, 1): one draw per node, for seeded sampling
        logit_bias: torch.Tensor,  # [T or 1, V] float added to the logits: -inf rules a token out (names from the spec)
    ) -> tuple[torch.Tensor, ...]:
        config = self.base.config
        heads = config.num_heads
        slots = torch.arange(past_key.shape[2], dtype=positions.dtype)
        key_positions = torch.cat([slots, positions])
        bias = self.position_bias(positions, key_positions)
        in_use = torch.where(slots < past_length, 0.0, float("-inf")).to(tree_bias.dtype)
        mask = torch.cat([in_use.expand(tokens.shape[0], -1), tree_bias], dim=1)
        bias = bias + mask[None]
        x = self.base.decoder.embed_tokens(tokens)
        present_keys, present_values = [], []
        for i, block in enumerate(self.base.decoder.block):
            self_layer, cross_layer, ff_layer = block.layer[0], block.layer[1], block.layer[2]
            attention = self_layer.SelfAttention
            h = self_layer.layer_norm(x)
            q, k, v = (split_heads(proj(h), heads) for proj in (attention.q, attention.k, attention.v))
            present_keys.append(k)
            present_values.append(v)
            keys = torch.cat([past_key[i], k], dim=1)
            values = torch.cat([past_value[i], v], dim=1)
            # T5 attention has no 1/sqrt(d) scaling: it is folded into the weights.
            weights = torch.softmax((q @ keys.transpose(1, 2) + bias).float(), dim=-1).to(q.dtype)
            x = x + attention.o((weights @ values).transpose(0, 1).reshape(tokens.shape[0], -1))
            cross = cross_layer.EncDecAttention
            q = split_heads(cross.q(cross_layer.layer_norm(x)), heads)
            weights = torch.softmax((q @ cross_key[i].transpose(1, 2)).float(), dim=-1).to(q.dtype)
            x = x + cross.o((weights @ cross_value[i]).transpose(0, 1).reshape(tokens.shape[0], -1))
            x = ff_layer(x)
        hidden = self.base.decoder.final_layer_norm(x)
        logits = self.base.lm_head(hidden * self.scale).float() + logit_bias
        log_probs = torch.log_softmax(logits, dim=-1)
        argmax = logits.argmax(dim=-1)
        entropy = -(log_probs.exp() * log_probs).sum(dim=-1)
        parent_rows = log_probs[parents.clamp(min=0)]
        parent_logprob = torch.where(parents >= 0, parent_rows.gather(1, tokens[:, None])[:, 0], torch.zeros_like(entropy))
        # Inverse-CDF sampling at the given temperature with the caller's uniforms.
        cdf = torch.softmax(logits / temperature.clamp(min=1e-5), dim=-1).cumsum(dim=-1)
        sample = (cdf <= uniforms[:, None]).sum(dim=-1).clamp(max=logits.shape[-1] - 1)
        # The best RANKED tokens, best first: a step run without a bias finds a masked argmax among them.
        # int32: the engine reads them as they come (int64 would cost a conversion of every id each step).
        ranked = logits.topk(min(RANKED, logits.shape[-1]), dim=-1).indices.to(torch.int32)
        return argmax, entropy, parent_logprob, sample, ranked, hidden, torch.stack(present_keys), torch.stack(present_values)


class KvCommit(nn.Module):
    """The next cache buffer, on the device (the engine never reads the cache
    back): slot s of the output is row `slots[s]` of the old buffer followed by
    the last step's node keys and values. The engine lays the slots out: the
    committed positions, then the kept nodes in path order, then capacity
    (any row: it is never attended). The output's capacity is len(slots)."""

    def forward(self, past_key: torch.Tensor, past_value: torch.Tensor, present_key: torch.Tensor, present_value: torch.Tensor, slots: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return torch.cat([past_key, present_key], dim=2).index_select(2, slots), torch.cat([past_value, present_value], dim=2).index_select(2, slots)


class Heads(nn.Module):
    """All K heads in two matrix products: the residual blocks as one
    [d, K*d] linear, then the vocabulary projection over the K states at once
    (shared lm_head). One MatMul per weight keeps the graph small (each
    weight is quantized once) and free of a K-way Concat, which WebGPU
    cannot bind past 8 inputs. Equal to MedusaHeads.forward."""

    def __init__(self, heads: MedusaHeads, base: T5ForConditionalGeneration, top_k: int) -> None:
        super().__init__()
        blocks = [block.linear for block in heads.blocks]
        self.num_heads = len(blocks)
        # [d, K*d] as a plain MatMul (a Gemm would escape the MatMulNBits quantizer).
        self.block_weight = nn.Parameter(torch.cat([b.weight.data for b in blocks]).t().contiguous())
        self.block_bias = nn.Parameter(torch.cat([b.bias.data for b in blocks]))
        self.projections = None if heads.config.shared_projection else heads.projections
        self.base = base
        self.scale = output_scale(base.config)
        self.top_k = top_k

    def forward(self, hidden: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """hidden [N, d] -> ids, log-probs [K, N, top_k], best first."""
        n, d = hidden.shape
        blocks = torch.matmul(hidden, self.block_weight) + self.block_bias
        states = hidden.unsqueeze(0) + F.silu(blocks.view(n, self.num_heads, d).transpose(0, 1))
        if self.projections is None:
            logits = self.base.lm_head((states * self.scale).reshape(self.num_heads * n, d)).view(self.num_heads, n, -1)
        else:
            logits = torch.stack([proj(states[k] * self.scale) for k, proj in enumerate(self.projections)])
        values, ids = torch.log_softmax(logits.float(), dim=-1).topk(self.top_k, dim=-1)
        return ids, values


class ChainedHeadsGraph(nn.Module):
    """Chained heads (model.py) drafting greedily: head 1 reads `root`, the base's
    next token; each later head reads the best token of the head before it.
    The same outputs as Heads, so a tree takes its candidates the same way;
    a tree that branches below a head's first choice gets candidates drafted
    for the first choice (still verified, just less often right)."""

    def __init__(self, heads: ChainedHeads, base: T5ForConditionalGeneration, top_k: int) -> None:
        super().__init__()
        self.heads = heads
        self.base = base
        self.scale = output_scale(base.config)
        self.top_k = top_k

    def forward(self, hidden: torch.Tensor, root: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """hidden [N, d], root [N] -> ids, log-probs [K, N, top_k], best first."""
        token, added = root, torch.zeros_like(hidden)
        ids_per_head, values_per_head = [], []
        for k in range(len(self.heads.blocks)):
            added = self.heads.step(k, hidden, added, self.base.shared(token))
            values, ids = torch.log_softmax(self.base.lm_head((hidden + added) * self.scale).float(), dim=-1).topk(self.top_k, dim=-1)
            ids_per_head.append(ids)
            values_per_head.append(values)
            token = ids[:, 0]
        return torch.stack(ids_per_head), torch.stack(values_per_head)
