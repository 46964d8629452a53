module div6 (
  input clk,
  input areset,
  output reg clk_out
);
  reg [1:0] cnt;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      cnt <= 2'd0;
      clk_out <= 1'b0;
    end else if (cnt == 2'd2) begin
      cnt <= 2'd0;
      clk_out <= ~clk_out;
    end else begin
      cnt <= cnt + 2'd1;
    end
  end
endmodule
