"""Quantized copies of the fp32 graphs with onnxruntime's own tools."""

from __future__ import annotations

import tempfile
from pathlib import Path

import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.quantization.matmul_nbits_quantizer import DefaultWeightOnlyQuantConfig, MatMulNBitsQuantizer

QUANTIZATIONS = ("fp32", "int8", "q4")


def quantize(source: Path, target: Path, kind: str) -> None:
    """Weight-only quantization: `int8` (8-bit) or `q4` (4-bit) MatMulNBits for
    every MatMul (blocks of 32, symmetric) and int8 embeddings (Gather).
    Activations stay fp32, so a node's outputs do not depend on the other
    nodes of its tree step; dynamic int8 (activation scales per tensor) would
    make tree verification disagree with one-token decoding."""
    if kind == "fp32":
        target.write_bytes(source.read_bytes())
        return
    bits = {"int8": 8, "q4": 4}.get(kind)
    if bits is None:
        raise ValueError(f"unknown quantization {kind!r} (one of {', '.join(QUANTIZATIONS)})")
    # Embeddings first: the dynamic quantizer cannot shape-infer MatMulNBits.
    with tempfile.TemporaryDirectory() as tmp:
        gathered = Path(tmp) / "gather-int8.onnx"
        quantize_dynamic(source, gathered, weight_type=QuantType.QInt8, op_types_to_quantize=["Gather"])
        config = DefaultWeightOnlyQuantConfig(block_size=32, is_symmetric=True, bits=bits)
        quantizer = MatMulNBitsQuantizer(onnx.load(str(gathered)), bits=bits, block_size=32, is_symmetric=True, algo_config=config)
        quantizer.process()
        quantizer.model.save_model_to_file(str(target), use_external_data_format=False)
