module rise_detect (
  input clk,
  input rst,
  input sig,
  output reg pulse
);
  reg prev;
  always @(posedge clk) begin
    if (rst) begin
      prev <= 1'b0;
      pulse <= 1'b0;
    end else begin
      prev <= sig;
      pulse <= sig & ~prev;
    end
  end
endmodule
