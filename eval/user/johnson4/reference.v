module johnson4 (
  input clk,
  input arst,
  output reg [3:0] q
);
  always @(posedge clk or posedge arst) begin
    if (arst) q <= 4'd0;
    else q <= {q[2:0], ~q[3]};
  end
endmodule
