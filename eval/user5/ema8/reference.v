module ema8 (
  input            clk,
  input            rst_n,
  input      [7:0] x,
  output reg [7:0] avg
);
  wire signed [8:0] diff = $signed({1'b0, x}) - $signed({1'b0, avg});
  wire signed [8:0] step = diff >>> 2;
  always @(posedge clk) begin
    if (!rst_n)
      avg <= 8'd0;
    else
      avg <= avg + step[7:0];
  end
endmodule
