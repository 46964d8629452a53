module onehot_to_bin (
  input [7:0] oh,
  output [2:0] bin
);
  assign bin[0] = oh[1] | oh[3] | oh[5] | oh[7];
  assign bin[1] = oh[2] | oh[3] | oh[6] | oh[7];
  assign bin[2] = oh[4] | oh[5] | oh[6] | oh[7];
endmodule
