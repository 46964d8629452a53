module edge_cnt (
  input            clk,
  input            arst_n,
  input            clr,
  input            sig,
  output reg [7:0] count
);
  reg prev;
  always @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      prev  <= 1'b0;
      count <= 8'd0;
    end else begin
      prev <= sig;
      if (clr)
        count <= 8'd0;
      else if (sig && !prev)
        count <= count + 8'd1;
    end
  end
endmodule
