module hs_rx (
  input clk,
  input rst_n,
  input req,
  output reg ack,
  input [7:0] data_in,
  output reg [7:0] data_out
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      ack <= 1'b0;
      data_out <= 8'd0;
    end else if (req && !ack) begin
      ack <= 1'b1;
      data_out <= data_in;
    end else if (!req && ack) begin
      ack <= 1'b0;
    end
  end
endmodule
