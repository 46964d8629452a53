module div_by_4 (
  input clk,
  input rst,
  output clk_out
);
  reg [1:0] cnt;
  assign clk_out = cnt[1];
  always @(posedge clk) begin
    if (rst) cnt <= 2'd0;
    else cnt <= cnt + 2'd1;
  end
endmodule
