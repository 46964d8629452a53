module parity8 (
  input [7:0] d,
  output p
);
  assign p = ^d;
endmodule
