module div10_8 (
  input  [7:0] x,
  output [4:0] q,
  output [3:0] r
);
  assign q = x / 8'd10;
  assign r = x % 8'd10;
endmodule
