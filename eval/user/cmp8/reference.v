module cmp8 (
  input [7:0] a,
  input [7:0] b,
  output eq,
  output gt,
  output lt
);
  assign eq = (a == b);
  assign gt = (a > b);
  assign lt = (a < b);
endmodule
