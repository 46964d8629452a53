module ham74_enc (
  input  [3:0] d,
  output [6:0] c
);
  wire p1 = d[0] ^ d[1] ^ d[3];
  wire p2 = d[0] ^ d[2] ^ d[3];
  wire p4 = d[1] ^ d[2] ^ d[3];
  assign c = {d[3], d[2], d[1], p4, d[0], p2, p1};
endmodule
