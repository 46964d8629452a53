module sipo8 (
  input clk,
  input rst,
  input sin,
  output reg [7:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 8'd0;
    else q <= {q[6:0], sin};
  end
endmodule
