module moving_sum4 (
  input        clk,
  input        rst,
  input  [7:0] x,
  output [9:0] y
);
  reg [7:0] h0, h1, h2, h3;
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      h0 <= 8'd0; h1 <= 8'd0; h2 <= 8'd0; h3 <= 8'd0;
    end else begin
      h0 <= x; h1 <= h0; h2 <= h1; h3 <= h2;
    end
  end
  assign y = h0 + h1 + h2 + h3;
endmodule
