module slew8 (
  input            clk,
  input            rst,
  input      [7:0] tgt,
  input      [2:0] step,
  output reg [7:0] y
);
  always @(posedge clk) begin
    if (rst)
      y <= 8'd0;
    else if (tgt > y)
      y <= (tgt - y > step) ? y + step : tgt;
    else if (tgt < y)
      y <= (y - tgt > step) ? y - step : tgt;
  end
endmodule
