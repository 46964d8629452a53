"""Quantized copies of the fp32 graphs with onnxruntime's own tools."""

from __future__ import annotations

import tempfile
from pathlib import Path

import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer, RTNWeightOnlyQuantConfig

QUANTIZATIONS = ("fp32", "int8", "q4")


def quantize(source: Path, target: Path, kind: str) -> None:
    """`int8`: dynamic int8 weights for MatMul and Gather (embeddings).
    `q4`: 4-bit MatMulNBits (block 32, round-to-nearest) for MatMul, int8 embeddings."""
    if kind == "fp32":
        target.write_bytes(source.read_bytes())
    elif kind == "int8":
        quantize_dynamic(source, target, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Gather"])
    elif kind == "q4":
        # Embeddings first: the int8 quantizer cannot shape-infer MatMulNBits.
        with tempfile.TemporaryDirectory() as tmp:
            gathered = Path(tmp) / "gather-int8.onnx"
            quantize_dynamic(source, gathered, weight_type=QuantType.QInt8, op_types_to_quantize=["Gather"])
            quantizer = MatMulNBitsQuantizer(onnx.load(str(gathered)), block_size=32, is_symmetric=True, algo_config=RTNWeightOnlyQuantConfig())
            quantizer.process()
            quantizer.model.save_model_to_file(str(target), use_external_data_format=False)
    else:
        raise ValueError(f"unknown quantization {kind!r} (one of {', '.join(QUANTIZATIONS)})")
