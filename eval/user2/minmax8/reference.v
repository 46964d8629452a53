module minmax8 (
  input [7:0] x,
  input [7:0] y,
  output [7:0] lo,
  output [7:0] hi
);
  assign lo = (x < y) ? x : y;
  assign hi = (x < y) ? y : x;
endmodule
