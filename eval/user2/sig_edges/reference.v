module sig_edges (
  input clk,
  input rst_n,
  input din,
  output rise,
  output fall
);
  reg prev;
  assign rise = din & ~prev;
  assign fall = ~din & prev;
  always @(posedge clk) begin
    if (!rst_n) prev <= 1'b0;
    else prev <= din;
  end
endmodule
