module mod12_cnt (
  input clk,
  input rst_n,
  input en,
  output reg [3:0] count,
  output tc
);
  assign tc = (count == 4'd11);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) count <= 4'd0;
    else if (en) count <= tc ? 4'd0 : count + 4'd1;
  end
endmodule
