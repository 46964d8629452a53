module gpr8 (
  input clk,
  input rst_n,
  input wen,
  input [2:0] wa,
  input [7:0] wd,
  input [2:0] ra1,
  input [2:0] ra2,
  output [7:0] rd1,
  output [7:0] rd2
);
  reg [7:0] regs [1:7];
  integer i;
  assign rd1 = (ra1 == 3'd0) ? 8'd0 : regs[ra1];
  assign rd2 = (ra2 == 3'd0) ? 8'd0 : regs[ra2];
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (i = 1; i < 8; i = i + 1) regs[i] <= 8'd0;
    end else if (wen && wa != 3'd0) begin
      regs[wa] <= wd;
    end
  end
endmodule
