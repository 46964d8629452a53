module aomux4 (
  input  [5:0] d0,
  input  [5:0] d1,
  input  [5:0] d2,
  input  [5:0] d3,
  input  [3:0] sel,
  output [5:0] out
);
  assign out = ({6{sel[0]}} & d0) | ({6{sel[1]}} & d1) |
               ({6{sel[2]}} & d2) | ({6{sel[3]}} & d3);
endmodule
