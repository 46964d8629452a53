module gray_cnt4 (
  input clk,
  input rst,
  input en,
  output [3:0] q
);
  reg [3:0] bin;
  assign q = bin ^ (bin >> 1);
  always @(posedge clk) begin
    if (rst) bin <= 4'd0;
    else if (en) bin <= bin + 4'd1;
  end
endmodule
