module cap_tmr (
  input             clk,
  input             rst,
  input             cap,
  output reg [11:0] t,
  output reg [11:0] ts,
  output reg        vld
);
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      t   <= 12'd0;
      ts  <= 12'd0;
      vld <= 1'b0;
    end else begin
      t <= t + 12'd1;
      if (cap) begin
        ts  <= t;
        vld <= 1'b1;
      end
    end
  end
endmodule
