module rotr16 (
  input  [15:0] d,
  input  [3:0]  sh,
  output [15:0] q
);
  wire [31:0] dd = {d, d} >> sh;
  assign q = dd[15:0];
endmodule
