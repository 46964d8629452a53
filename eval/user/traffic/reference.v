module traffic (
  input clk,
  input rst,
  output reg [1:0] light
);
  reg [1:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      light <= 2'b00;
      cnt <= 2'd0;
    end else begin
      case (light)
        2'b00: if (cnt == 2'd3) begin light <= 2'b01; cnt <= 2'd0; end else cnt <= cnt + 2'd1;
        2'b01: if (cnt == 2'd1) begin light <= 2'b10; cnt <= 2'd0; end else cnt <= cnt + 2'd1;
        default: if (cnt == 2'd2) begin light <= 2'b00; cnt <= 2'd0; end else cnt <= cnt + 2'd1;
      endcase
    end
  end
endmodule
