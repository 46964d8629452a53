module barrel_shl8 (
  input [7:0] d,
  input [2:0] amt,
  output [7:0] y
);
  assign y = d << amt;
endmodule
