module prbs7 (
  input clk,
  input reset,
  input en,
  output prbs_out
);
  reg [6:0] sr;
  assign prbs_out = sr[6];
  always @(posedge clk) begin
    if (reset) sr <= 7'h7f;
    else if (en) sr <= {sr[5:0], sr[6] ^ sr[5]};
  end
endmodule
