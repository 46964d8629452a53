"""Quantized copies of the fp32 graphs with onnxruntime's own tools."""

from __future__ import annotations

import logging

import numpy as np
import onnx
from onnx import helper, numpy_helper
from pathlib import Path
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


def quantize(source: Path, target: Path, kind: str) -> None:
    """Weight-only quantization: `int8` (8-bit) or `q4` (4-bit) MatMulNBits for
    every MatMul with a constant weight (blocks of 32, symmetric), and fp16
    embedding tables. Activations stay fp32, so a node's outputs do not
    depend on the other nodes of its tree step; dynamic int8 (activation
    scales per tensor) would make tree verification disagree with one-token
    decoding."""
    if kind == "fp32":
        target.write_bytes(source.read_bytes())
        return
    bits = {"int8": 8, "q4": 4}.get(kind)
    if bits is None:
        raise ValueError(f"unknown quantization {kind!r} (one of {', '.join(QUANTIZATIONS)})")
    logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
    config = DefaultWeightOnlyQuantConfig(block_size=32, is_symmetric=True, bits=bits)
    quantizer = MatMulNBitsQuantizer(onnx.load(str(source)), bits=bits, block_size=32, is_symmetric=True, algo_config=config)
    quantizer.process()
    model = quantizer.model.model
    fp16_tables(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
