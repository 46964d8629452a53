module dec2to4_n (
  input        g_n,
  input  [1:0] a,
  output [3:0] y_n
);
  assign y_n = g_n ? 4'b1111 : ~(4'b0001 << a);
endmodule
