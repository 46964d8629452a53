"""The inference graphs (PyTorch side) against plain Hugging Face decoding."""

import random

import pytest
import torch
from transformers import T5ForConditionalGeneration

from verispec_train.export.graphs import Encoder, TreeStep
from verispec_train.model import small_config

TINY = dict(d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=4, dropout_rate=0.0, relative_attention_num_buckets=8, relative_attention_max_distance=20)


@pytest.fixture(scope="module")
def base() -> T5ForConditionalGeneration:
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(small_config(97, **TINY)).eval()
    return model


def reference(base: T5ForConditionalGeneration, source: torch.Tensor, sequence: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    """Hugging Face's own forward: last position's log-probs and hidden state."""
    out = base(input_ids=source, decoder_input_ids=torch.tensor([sequence]), output_hidden_states=True)
    return torch.log_softmax(out.logits[0, -1], -1), out.decoder_hidden_states[-1][0, -1]


def run_step(step: TreeStep, tokens, positions, parents, past, cross):
    t = len(tokens)
    ancestors = torch.full((t, t), float("-inf"))
    for i in range(t):
        j = i
        while j >= 0:
            ancestors[i, j] = 0.0
            j = parents[j]
    return step(torch.tensor(tokens), torch.tensor(positions), torch.tensor(parents), ancestors, past[0], past[1], torch.tensor([past[2]]), cross[0], cross[1], torch.tensor([1.0]), torch.zeros(t), torch.zeros(1, step.base.config.vocab_size))


@torch.no_grad()
def test_random_trees_match_sequential_decoding(base: T5ForConditionalGeneration):
    rng = random.Random(1)
    step = TreeStep(base).eval()
    source = torch.tensor([[rng.randrange(4, 97) for _ in range(11)]])
    cross = Encoder(base)(source)
    layers, heads, d_kv = base.config.num_decoder_layers, base.config.num_heads, base.config.d_kv
    for trial in range(6):
        prefix = [0] + [rng.randrange(4, 97) for _ in range(rng.randrange(0, 30))]
        # The committed prefix as a chain, through the same graph, gives the KV cache.
        empty = (torch.zeros(layers, heads, 0, d_kv), torch.zeros(layers, heads, 0, d_kv), 0)
        committed = prefix[:-1]
        if committed:
            out = run_step(step, committed, list(range(len(committed))), list(range(-1, len(committed) - 1)), empty, cross)
            past = (out[-2], out[-1])
        else:
            past = empty[:2]
        # Spare capacity after the committed slots, filled with noise: it must never be attended.
        spare = rng.randrange(0, 9)
        noise = torch.randn(layers, heads, spare, d_kv) * 100
        past = (torch.cat([past[0], noise], dim=2), torch.cat([past[1], -noise], dim=2), len(committed))
        # A random tree whose root is the last committed token.
        parents = [-1]
        for _ in range(rng.randrange(1, 12)):
            parents.append(rng.randrange(0, len(parents)))
        tokens = [prefix[-1]] + [rng.randrange(4, 97) for _ in parents[1:]]
        depth = [0] * len(parents)
        for i in range(1, len(parents)):
            depth[i] = depth[parents[i]] + 1
        positions = [len(committed) + d for d in depth]
        argmax, entropy, parent_logprob, _, ranked, hidden, _, _ = run_step(step, tokens, positions, parents, past, cross)
        for node in range(len(tokens)):
            path, j = [], node
            while j >= 0:
                path.append(tokens[j])
                j = parents[j]
            logp, h = reference(base, source, committed + path[::-1])
            torch.testing.assert_close(hidden[node], h, atol=1e-5, rtol=1e-4)
            assert int(argmax[node]) == int(logp.argmax())
            # ranked: the best tokens in order, the argmax first.
            assert ranked[node].tolist() == logp.topk(ranked.shape[1]).indices.tolist()
            torch.testing.assert_close(entropy[node], -(logp.exp() * logp).sum(), atol=1e-5, rtol=1e-4)
            if parents[node] >= 0:
                parent_path = committed + path[::-1][:-1]
                parent_logp, _ = reference(base, source, parent_path)
                torch.testing.assert_close(parent_logprob[node], parent_logp[tokens[node]], atol=1e-5, rtol=1e-4)


@torch.no_grad()
def test_sampling_uses_the_given_uniforms(base: T5ForConditionalGeneration):
    step = TreeStep(base).eval()
    source = torch.tensor([[5, 6, 7]])
    cross = Encoder(base)(source)
    layers, heads, d_kv = base.config.num_decoder_layers, base.config.num_heads, base.config.d_kv
    empty = torch.zeros(layers, heads, 0, d_kv)
    bias = torch.zeros(1, 1)
    args = (torch.tensor([0]), torch.tensor([0]), torch.tensor([-1]), bias, empty, empty, torch.tensor([0]), cross[0], cross[1])
    logp, _ = reference(base, source, [0])
    cdf = logp.exp().cumsum(-1)
    for u in (0.0, 0.3, 0.77, 0.999):
        sample = step(*args, torch.tensor([1.0]), torch.tensor([u]), torch.zeros(1, base.config.vocab_size))[3]
        assert int(sample[0]) == int((cdf <= u).sum())
    near_zero = step(*args, torch.tensor([1e-6]), torch.tensor([0.5]), torch.zeros(1, base.config.vocab_size))[3]
    assert int(near_zero[0]) == int(logp.argmax())
