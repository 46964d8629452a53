"""Export: ONNX graphs of the model package (see ../../../README.md, "Model package")."""
