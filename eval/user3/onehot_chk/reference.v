module onehot_chk (
  input  [7:0] v,
  output       ok,
  output       none
);
  assign none = (v == 8'd0);
  assign ok = !none && ((v & (v - 8'd1)) == 8'd0);
endmodule
