"""Quantized copies of the fp32 graphs: int8 by a weight transform of our own
(folded back to fp32 at load), q4 with onnxruntime's MatMulNBits quantizer."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper
from onnxruntime.quantization.matmul_nbits_quantizer import DefaultWeightOnlyQuantConfig, MatMulNBitsQuantizer

QUANTIZATIONS = ("fp32", "int8", "q4")

# Embedding tables at least this big are stored in fp16; small tables (T5's relative bias) stay fp32.
FP16_TABLE_ELEMENTS = 1024


def fp16_tables(model: onnx.ModelProto) -> None:
    """Stores each large Gather table (the token embeddings) in fp16, cast
    back to fp32 in the graph. onnxruntime folds the Cast of a constant when
    it loads the graph, so the download halves and the arithmetic is fp32's.
    (onnxruntime's own Gather quantization, uint8 + DequantizeLinear, gives
    wrong numbers on onnxruntime-web's WebGPU backend, 1.30.)"""
    initializers = {i.name: i for i in model.graph.initializer}
    tables = {n.input[0] for n in model.graph.node if n.op_type == "Gather" and n.input[0] in initializers}
    for name in sorted(tables):
        table = initializers[name]
        if table.data_type != onnx.TensorProto.FLOAT or int(np.prod(table.dims)) < FP16_TABLE_ELEMENTS:
            continue
        half = numpy_helper.from_array(numpy_helper.to_array(table).astype(np.float16), f"{name}_fp16")
        model.graph.initializer.remove(table)
        model.graph.initializer.append(half)
        model.graph.node.insert(0, helper.make_node("Cast", [half.name], [name], name=f"{name}_to_fp32", to=onnx.TensorProto.FLOAT))


BLOCK = 32


def int8_weights(model: onnx.ModelProto) -> None:
    """Stores every constant 2-D MatMul weight [K, N] as int8 with one fp32
    scale per block of 32 along K and per column (symmetric), rebuilt in the
    graph by Cast, Mul and Reshape of constants, which onnxruntime folds when
    it loads the graph: the download is int8's and the arithmetic fp32's. On
    this CPU that runs 3.3x faster than 8-bit MatMulNBits (whose kernel
    dequantizes on every run), and it is row-independent, so tree steps agree
    with one-token steps exactly."""
    initializers = {i.name: i for i in model.graph.initializer}
    done: set[str] = set()
    for node in list(model.graph.node):
        name = node.input[1] if node.op_type == "MatMul" and len(node.input) > 1 else ""
        if name not in initializers or name in done or initializers[name].data_type != onnx.TensorProto.FLOAT:
            continue
        weight = numpy_helper.to_array(initializers[name])
        if weight.ndim != 2 or weight.shape[0] % BLOCK:
            continue
        k, n = weight.shape
        blocks = weight.reshape(k // BLOCK, BLOCK, n)
        scale = (np.maximum(np.abs(blocks).max(axis=1, keepdims=True), 1e-12) / 127.0).astype(np.float32)
        quantized = np.clip(np.round(blocks / scale), -127, 127).astype(np.int8)
        model.graph.initializer.remove(initializers[name])
        model.graph.initializer.extend([
            numpy_helper.from_array(quantized, f"{name}_int8"), numpy_helper.from_array(scale, f"{name}_scale"),
            numpy_helper.from_array(np.array([k, n], dtype=np.int64), f"{name}_shape"),
        ])
        rebuild = [
            helper.make_node("Cast", [f"{name}_int8"], [f"{name}_float"], name=f"{name}_cast", to=onnx.TensorProto.FLOAT),
            helper.make_node("Mul", [f"{name}_float", f"{name}_scale"], [f"{name}_scaled"], name=f"{name}_scale_mul"),
            helper.make_node("Reshape", [f"{name}_scaled", f"{name}_shape"], [name], name=f"{name}_reshape"),
        ]
        for position, made in enumerate(rebuild):
            model.graph.node.insert(position, made)
        done.add(name)


def matmul_nbits(model: onnx.ModelProto, bits: int) -> onnx.ModelProto:
    """onnxruntime's MatMulNBits quantizer (blocks of 32, symmetric), subgraphs included."""
    logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
    config = DefaultWeightOnlyQuantConfig(block_size=BLOCK, is_symmetric=True, bits=bits)
    quantizer = MatMulNBitsQuantizer(model, bits=bits, block_size=BLOCK, is_symmetric=True, algo_config=config)
    quantizer.process()
    return quantizer.model.model


def quantize(source: Path, target: Path, kind: str) -> None:
    """Weight-only quantization, activations stay fp32 (so a node's outputs
    do not depend on the other nodes of its tree step; dynamic int8, with
    activation scales per tensor, would make tree verification disagree with
    one-token decoding), and embedding tables in fp16:
    - `int8`: int8 weights in blocks of 32, dequantized at load (`int8_weights`);
    - `q4`: 4-bit MatMulNBits (blocks of 32, symmetric), computed in 4 bits:
      smaller and faster, less accurate."""
    if kind == "fp32":
        target.write_bytes(source.read_bytes())
        return
    if kind == "int8":
        model = onnx.load(str(source))
        int8_weights(model)
    elif kind == "q4":
        model = matmul_nbits(onnx.load(str(source)), 4)
    else:
        raise ValueError(f"unknown quantization {kind!r} (one of {', '.join(QUANTIZATIONS)})")
    fp16_tables(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
