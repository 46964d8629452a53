module mask_eq8 (
  input  [7:0] a,
  input  [7:0] b,
  input  [7:0] m,
  output hit
);
  assign hit = ~|((a ^ b) & m);
endmodule
