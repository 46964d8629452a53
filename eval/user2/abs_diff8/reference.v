module abs_diff8 (
  input [7:0] p,
  input [7:0] q,
  output [7:0] d
);
  assign d = (p > q) ? p - q : q - p;
endmodule
