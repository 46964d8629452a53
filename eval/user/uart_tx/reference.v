module uart_tx #(parameter CLKS_PER_BIT = 4) (
  input clk,
  input rst,
  input start,
  input [7:0] data,
  output reg tx,
  output reg busy
);
  reg [9:0] frame;
  reg [3:0] bit_idx;
  reg [15:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      tx <= 1'b1;
      busy <= 1'b0;
      bit_idx <= 4'd0;
      cnt <= 16'd0;
      frame <= 10'h3FF;
    end else if (!busy) begin
      if (start) begin
        frame <= {1'b1, data, 1'b0};
        busy <= 1'b1;
        tx <= 1'b0;
        bit_idx <= 4'd0;
        cnt <= 16'd0;
      end
    end else if (cnt == CLKS_PER_BIT - 1) begin
      cnt <= 16'd0;
      if (bit_idx == 4'd9) begin
        busy <= 1'b0;
        tx <= 1'b1;
      end else begin
        bit_idx <= bit_idx + 4'd1;
        tx <= frame[bit_idx + 4'd1];
      end
    end else begin
      cnt <= cnt + 16'd1;
    end
  end
endmodule
