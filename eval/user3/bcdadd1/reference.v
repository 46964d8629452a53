module bcdadd1 (
  input  [3:0] a,
  input  [3:0] b,
  input        ci,
  output [3:0] s,
  output       co
);
  wire [4:0] t = a + b + ci;
  assign co = (t > 5'd9);
  assign s = co ? (t - 5'd10) : t[3:0];
endmodule
