module wdt (
  input clk,
  input rst_n,
  input kick,
  output bark
);
  reg [3:0] cnt;
  assign bark = (cnt == 4'd15);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) cnt <= 4'd0;
    else if (kick) cnt <= 4'd0;
    else if (!bark) cnt <= cnt + 4'd1;
  end
endmodule
