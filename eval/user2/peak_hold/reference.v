module peak_hold (
  input clk,
  input rst,
  input clr,
  input [7:0] sample,
  output reg [7:0] peak
);
  always @(posedge clk) begin
    if (rst || clr) peak <= 8'd0;
    else if (sample > peak) peak <= sample;
  end
endmodule
