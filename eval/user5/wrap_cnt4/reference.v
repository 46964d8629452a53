module wrap_cnt4 (
  input            clk,
  input            arst_n,
  input            en,
  input      [3:0] top,
  output reg [3:0] q,
  output           wrap
);
  assign wrap = (q == top);
  always @(posedge clk or negedge arst_n) begin
    if (!arst_n)
      q <= 4'd0;
    else if (en) begin
      if (q >= top) q <= 4'd0;
      else          q <= q + 4'd1;
    end
  end
endmodule
