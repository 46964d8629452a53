module bcd_counter (
  input clk,
  input reset,
  input en,
  output reg [3:0] count,
  output carry
);
  assign carry = (count == 4'd9);
  always @(posedge clk) begin
    if (reset) count <= 4'd0;
    else if (en) count <= (count == 4'd9) ? 4'd0 : count + 4'd1;
  end
endmodule
