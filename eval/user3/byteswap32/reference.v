module byteswap32 (
  input  [31:0] din,
  input         swap,
  output [31:0] dout
);
  assign dout = swap ? {din[7:0], din[15:8], din[23:16], din[31:24]} : din;
endmodule
