module smul4 (
  input  signed [3:0] a,
  input  signed [3:0] b,
  output signed [7:0] p
);
  assign p = a * b;
endmodule
