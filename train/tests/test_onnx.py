"""Every exported graph against its PyTorch module, fp32, on random inputs."""

from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch
from transformers import T5ForConditionalGeneration

from verispec_train.export.graphs import Encoder, TreeStep
from verispec_train.export.onnx_export import CHAINED_HEADS_IO, HEADS_IO, STEP_IO, export_encoder, export_heads, export_step
from verispec_train.model import ChainedHeads, HeadsConfig, MedusaHeads, small_config

TINY = dict(d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2, num_heads=4, dropout_rate=0.0)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    torch.manual_seed(3)
    base = T5ForConditionalGeneration(small_config(97, **TINY)).eval()
    heads = MedusaHeads(HeadsConfig(3, shared_projection=False), base)
    for block in heads.blocks:  # trained heads are not the identity
        torch.nn.init.normal_(block.linear.weight, std=0.2)
    out = tmp_path_factory.mktemp("onnx")
    export_encoder(base, out / "encoder.onnx")
    export_step(base, out / "decoder_step.onnx")
    export_heads(heads, base, 4, out / "heads.onnx")
    return base, heads, out


def session(path: Path) -> ort.InferenceSession:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


@torch.no_grad()
def test_encoder(exported):
    base, _, out = exported
    for length in (1, 7, 40):
        ids = np.random.default_rng(length).integers(4, 97, size=(1, length))
        got = session(out / "encoder.onnx").run(None, {"input_ids": ids})
        want = Encoder(base)(torch.tensor(ids))
        for g, w in zip(got, want):
            np.testing.assert_allclose(g, w.numpy(), atol=1e-5, rtol=1e-4)


@torch.no_grad()
def test_tree_step_with_past_and_random_trees(exported):
    base, _, out = exported
    c = base.config
    rng = np.random.default_rng(0)
    step = session(out / "decoder_step.onnx")
    for nodes, past, capacity, source in ((1, 0, 0, 3), (1, 0, 8, 3), (5, 9, 9, 12), (16, 30, 64, 5)):
        parents = np.array([-1] + [int(rng.integers(0, i)) for i in range(1, nodes)], dtype=np.int64)
        bias = np.full((nodes, nodes), -np.inf, dtype=np.float32)
        depth = np.zeros(nodes, dtype=np.int64)
        for i in range(nodes):
            j = i
            while j >= 0:
                bias[i, j] = 0
                j = parents[j]
            depth[i] = 0 if i == 0 else depth[parents[i]] + 1
        feeds = {
            "tokens": rng.integers(4, 97, size=nodes), "positions": past + depth, "parents": parents, "tree_bias": bias,
            "past_key": rng.normal(size=(c.num_decoder_layers, c.num_heads, capacity, c.d_kv)).astype(np.float32),
            "past_value": rng.normal(size=(c.num_decoder_layers, c.num_heads, capacity, c.d_kv)).astype(np.float32),
            "past_length": np.array([past], dtype=np.int64),
            "cross_key": rng.normal(size=(c.num_decoder_layers, c.num_heads, source, c.d_kv)).astype(np.float32),
            "cross_value": rng.normal(size=(c.num_decoder_layers, c.num_heads, source, c.d_kv)).astype(np.float32),
            "temperature": np.array([0.8], dtype=np.float32), "uniforms": rng.random(nodes).astype(np.float32),
            # Rows of -inf and 0: ruled-out tokens (names from the spec) are never the argmax or a sample.
            "logit_bias": np.where(rng.random((nodes, c.vocab_size)) < 0.3, -np.inf, 0).astype(np.float32),
        }
        got = step.run(None, feeds)
        want = TreeStep(base)(*(torch.tensor(feeds[name]) for name in STEP_IO["inputs"]))
        for name, g, w in zip(STEP_IO["outputs"], got, want):
            if name == "ranked":
                # Ranked best first; past a row's allowed tokens come ruled-out ones, tied at -inf in any order.
                allowed = (feeds["logit_bias"] == 0).sum(axis=1)
                for node in range(nodes):
                    np.testing.assert_array_equal(g[node, :allowed[node]], w.numpy()[node, :allowed[node]], err_msg=name)
            elif g.dtype in (np.int64, np.int32):
                np.testing.assert_array_equal(g, w.numpy(), err_msg=name)
            else:
                np.testing.assert_allclose(g, w.numpy(), atol=2e-5, rtol=1e-4, err_msg=name)
        ruled_out = feeds["logit_bias"][np.arange(nodes)] == -np.inf
        assert not ruled_out[np.arange(nodes), got[0]].any() and not ruled_out[np.arange(nodes), got[3]].any()
        # The slots past past_length are capacity: what they hold changes nothing.
        spare = dict(feeds, past_key=feeds["past_key"].copy(), past_value=feeds["past_value"].copy())
        spare["past_key"][:, :, past:] = 1e4
        spare["past_value"][:, :, past:] = -1e4
        for name, g, s in zip(STEP_IO["outputs"], got, step.run(None, spare)):
            np.testing.assert_array_equal(g, s, err_msg=name)


@torch.no_grad()
@pytest.mark.parametrize("shared", [False, True])
def test_heads(exported, tmp_path: Path, shared: bool):
    base, own, _ = exported
    heads = MedusaHeads(HeadsConfig(3, shared_projection=shared), base)
    heads.load_state_dict(own.state_dict(), strict=False)  # the trained (non-identity) blocks
    export_heads(heads, base, 4, tmp_path / "heads.onnx")
    hidden = np.random.default_rng(1).normal(size=(5, base.config.d_model)).astype(np.float32)
    got = session(tmp_path / "heads.onnx").run(None, {"hidden": hidden})
    # The fused graph against the training module itself.
    scale = base.config.d_model**-0.5
    want = torch.log_softmax(heads(torch.tensor(hidden), base.lm_head, scale), dim=-1).topk(4, dim=-1)
    assert got[0].shape == (3, 5, 4)
    np.testing.assert_array_equal(got[0], want.indices.numpy())
    np.testing.assert_allclose(got[1], want.values.numpy(), atol=1e-5, rtol=1e-4)
    assert [*HEADS_IO["outputs"]] == [o.name for o in session(tmp_path / "heads.onnx").get_outputs()]


@torch.no_grad()
def test_chained_heads_draft_greedily_from_the_root(exported, tmp_path: Path):
    base, _, _ = exported
    heads = ChainedHeads(HeadsConfig(3, chained=True), base)
    torch.manual_seed(4)
    for linear in [*(b.linear for b in heads.blocks), *heads.token_inputs, *heads.chain_inputs]:
        torch.nn.init.normal_(linear.weight, std=0.3)
    export_heads(heads, base, 4, tmp_path / "chained.onnx")
    graph = session(tmp_path / "chained.onnx")
    assert [i.name for i in graph.get_inputs()] == CHAINED_HEADS_IO["inputs"]
    hidden = np.random.default_rng(2).normal(size=(2, base.config.d_model)).astype(np.float32)
    root = np.array([7, 40], dtype=np.int64)
    ids, logprobs = graph.run(None, {"hidden": hidden, "root": root})
    assert ids.shape == (3, 2, 4)
    # The training module, fed the graph's own first choices as each head's input token, gives the same ranking.
    tokens = torch.tensor(np.stack([root, ids[0, :, 0], ids[1, :, 0]]))[:, :, None]  # [K, N, 1]
    logits = heads(torch.tensor(hidden)[:, None, :], base.lm_head, base.config.d_model**-0.5, tokens, base.shared)[:, :, 0]
    want = torch.log_softmax(logits, dim=-1).topk(4, dim=-1)
    np.testing.assert_array_equal(ids, want.indices.numpy())
    np.testing.assert_allclose(logprobs, want.values.numpy(), atol=1e-5, rtol=1e-4)
    # Head 2 drafts on from head 1's pick: another root changes what follows.
    other = graph.run(None, {"hidden": hidden, "root": np.array([8, 41], dtype=np.int64)})[0]
    assert not np.array_equal(other, ids)


def test_kv_commit_gathers_the_slots(tmp_path: Path):
    from verispec_train.export.onnx_export import export_kv_commit

    torch.manual_seed(0)
    base = T5ForConditionalGeneration(small_config(97, **TINY)).eval()
    export_kv_commit(base, tmp_path / "kv_commit.onnx")
    rng = np.random.default_rng(2)
    past = rng.normal(size=(2, 4, 5, 8)).astype(np.float32)
    present = rng.normal(size=(2, 4, 6, 8)).astype(np.float32)
    # Three slots in use, nodes 0, 2 and 5 of the step committed, capacity 8.
    slots = np.array([0, 1, 2, 5 + 0, 5 + 2, 5 + 5, 0, 0], dtype=np.int64)
    key, value = session(tmp_path / "kv_commit.onnx").run(None, {"past_key": past, "past_value": past * 2, "present_key": present, "present_value": present * 2, "slots": slots})
    rows = np.concatenate([past, present], axis=2)
    np.testing.assert_array_equal(key, rows[:, :, slots])
    np.testing.assert_array_equal(value, rows[:, :, slots] * 2)
    np.testing.assert_array_equal(key[:, :, 3:6], present[:, :, [0, 2, 5]])
    first = session(tmp_path / "kv_commit.onnx").run(None, {"past_key": past[:, :, :0], "past_value": past[:, :, :0], "present_key": present, "present_value": present, "slots": np.array([3, 0], dtype=np.int64)})
    assert first[0].shape == (2, 4, 2, 8)
    np.testing.assert_array_equal(first[0][:, :, 0], present[:, :, 3])


def test_quantized_graphs_keep_no_float_matmul_weights_and_fp16_tables(exported, tmp_path: Path):
    """Every constant MatMul weight becomes MatMulNBits (no fp32 copy left
    behind), the embedding table is stored in fp16, and the graph still runs."""
    from verispec_train.export.quantize import quantize

    base, heads, out = exported
    shared = MedusaHeads(HeadsConfig(3, shared_projection=True), base)
    export_heads(shared, base, 4, tmp_path / "heads.onnx")
    for name in ("heads", "decoder_step"):
        source = tmp_path / "heads.onnx" if name == "heads" else out / "decoder_step.onnx"
        for kind in ("int8", "q4"):
            target = tmp_path / f"{name}.{kind}.onnx"
            quantize(source, target, kind)
            model = onnx.load(str(target))
            constants = {i.name: i for i in model.graph.initializer}
            float_weights = [n.name for n in model.graph.node if n.op_type in ("MatMul", "Gemm") and any(i in constants for i in n.input)]
            assert float_weights == [], f"{name} {kind}: {float_weights}"
            weight_op = {"int8": "Cast", "q4": "MatMulNBits"}[kind]
            assert sum(n.op_type == weight_op for n in model.graph.node) > 0
            assert not any(n.op_type == "Gather" and n.input[0].endswith("_int8") for n in model.graph.node)
            big = [i for i in model.graph.initializer if int(np.prod(i.dims)) >= 97 * base.config.d_model]
            assert {i.data_type for i in big} <= {onnx.TensorProto.INT8, onnx.TensorProto.UINT8, onnx.TensorProto.FLOAT16}, f"{name} {kind}: {[(i.name, i.data_type) for i in big]}"
            assert target.stat().st_size < source.stat().st_size * 0.6
    hidden = np.random.default_rng(4).normal(size=(1, base.config.d_model)).astype(np.float32)
    ids, _ = session(tmp_path / "heads.q4.onnx").run(None, {"hidden": hidden})
    assert ids.shape == (3, 1, 4)
    # int8: the weights dequantized at load are within half a step of the fp32 ones.
    want = session(tmp_path / "heads.onnx").run(None, {"hidden": hidden})[1]
    got = session(tmp_path / "heads.int8.onnx").run(None, {"hidden": hidden})[1]
    np.testing.assert_allclose(got, want, atol=0.05)
