module mac4x4 (
  input clk,
  input srst,
  input en,
  input [3:0] a,
  input [3:0] b,
  output reg [11:0] acc
);
  always @(posedge clk) begin
    if (srst) acc <= 12'd0;
    else if (en) acc <= acc + a * b;
  end
endmodule
