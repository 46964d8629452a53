module updown8 (
  input clk,
  input rst,
  input up,
  output reg [7:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 8'd0;
    else if (up) q <= q + 8'd1;
    else q <= q - 8'd1;
  end
endmodule
