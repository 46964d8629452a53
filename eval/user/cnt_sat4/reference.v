module cnt_sat4 (
  input clk,
  input rst,
  input inc,
  output reg [3:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 4'd0;
    else if (inc && q != 4'd15) q <= q + 4'd1;
  end
endmodule
