module btn_press (
  input      clk,
  input      rst_n,
  input      b,
  output reg short_p,
  output reg long_p
);
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (!rst_n) begin
      cnt <= 3'd0; short_p <= 1'b0; long_p <= 1'b0;
    end else if (b) begin
      short_p <= 1'b0;
      long_p  <= (cnt == 3'd3);
      if (cnt != 3'd4) cnt <= cnt + 3'd1;
    end else begin
      long_p  <= 1'b0;
      short_p <= (cnt != 3'd0) && (cnt != 3'd4);
      cnt <= 3'd0;
    end
  end
endmodule
