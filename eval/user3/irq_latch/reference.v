module irq_latch (
  input            clk,
  input            resetn,
  input      [3:0] irq,
  input      [3:0] clr,
  input      [3:0] mask,
  output reg [3:0] pend,
  output           int_o
);
  always @(posedge clk) begin
    if (!resetn)
      pend <= 4'b0000;
    else
      pend <= (pend & ~clr) | irq;
  end
  assign int_o = |(pend & mask);
endmodule
