module avg_up8 (
  input  [7:0] u,
  input  [7:0] v,
  output [7:0] avg
);
  wire [8:0] s = {1'b0, u} + {1'b0, v} + 9'd1;
  assign avg = s[8:1];
endmodule
