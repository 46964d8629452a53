module regfile4x8 (
  input clk,
  input rst,
  input we,
  input [1:0] waddr,
  input [7:0] wdata,
  input [1:0] raddr,
  output [7:0] rdata
);
  reg [7:0] regs [0:3];
  integer i;
  assign rdata = regs[raddr];
  always @(posedge clk) begin
    if (rst) begin
      for (i = 0; i < 4; i = i + 1) regs[i] <= 8'd0;
    end else if (we) begin
      regs[waddr] <= wdata;
    end
  end
endmodule
