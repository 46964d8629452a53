module csa3 (
    input  [7:0] x, y, z,
    output [7:0] s,
    output [7:0] c
);
  assign s = x ^ y ^ z;
  assign c = (x & y) | (x & z) | (y & z);
endmodule
