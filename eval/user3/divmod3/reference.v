module divmod3 (
  input  [7:0] x,
  output [6:0] q,
  output [1:0] r
);
  assign q = x / 8'd3;
  assign r = x % 8'd3;
endmodule
