"""VeriSpec's Python side: corpus finishing, tokenizer, training and export."""
