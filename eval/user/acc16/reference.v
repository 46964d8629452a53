module acc16 (
  input clk,
  input rst,
  input en,
  input [7:0] din,
  output reg [15:0] sum
);
  always @(posedge clk) begin
    if (rst) sum <= 16'd0;
    else if (en) sum <= sum + din;
  end
endmodule
