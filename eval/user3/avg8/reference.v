module avg8 (
  input  [7:0] a,
  input  [7:0] b,
  output [7:0] m
);
  wire [8:0] sum = a + b + 9'd1;
  assign m = sum[8:1];
endmodule
