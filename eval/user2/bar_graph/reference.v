module bar_graph (
  input [2:0] level,
  output [6:0] leds
);
  assign leds = ~(7'b1111111 << level);
endmodule
