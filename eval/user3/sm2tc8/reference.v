module sm2tc8 (
  input  [7:0] sm,
  output [7:0] tc
);
  wire [7:0] mag = {1'b0, sm[6:0]};
  assign tc = sm[7] ? (8'd0 - mag) : mag;
endmodule
