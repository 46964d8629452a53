module cnt16_load (
  input clk,
  input rst,
  input load,
  input en,
  input [15:0] d,
  output reg [15:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 16'd0;
    else if (load) q <= d;
    else if (en) q <= q + 16'd1;
  end
endmodule
