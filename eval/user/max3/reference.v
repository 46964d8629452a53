module max3 (
  input [7:0] a,
  input [7:0] b,
  input [7:0] c,
  output [7:0] y
);
  wire [7:0] ab = (a > b) ? a : b;
  assign y = (ab > c) ? ab : c;
endmodule
