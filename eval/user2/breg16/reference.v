module breg16 (
  input clk,
  input rst,
  input [1:0] be,
  input [15:0] d,
  output reg [15:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 16'd0;
    else begin
      if (be[0]) q[7:0] <= d[7:0];
      if (be[1]) q[15:8] <= d[15:8];
    end
  end
endmodule
