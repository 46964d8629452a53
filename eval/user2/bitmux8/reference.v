module bitmux8 (
  input [7:0] d,
  input [2:0] s,
  output o
);
  assign o = d[s];
endmodule
