module asr8 (
  input [7:0] din,
  input [2:0] shamt,
  output [7:0] dout
);
  assign dout = $signed(din) >>> shamt;
endmodule
