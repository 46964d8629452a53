module addsub8 (
  input [7:0] a,
  input [7:0] b,
  input sub,
  output [7:0] s,
  output co
);
  wire [7:0] bx = sub ? ~b : b;
  assign {co, s} = a + bx + sub;
endmodule
