module abs8 (
  input signed [7:0] x,
  output [7:0] y
);
  assign y = x[7] ? -x : x;
endmodule
