module par_gen16 (
  input [15:0] data,
  input odd_sel,
  output parity_bit
);
  assign parity_bit = (^data) ^ odd_sel;
endmodule
