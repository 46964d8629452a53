module sign_ext (
  input [11:0] in_val,
  output [31:0] out_val
);
  assign out_val = {{20{in_val[11]}}, in_val};
endmodule
