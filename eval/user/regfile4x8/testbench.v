module regfile4x8_golden (
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

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg we;
  reg [1:0] waddr;
  reg [7:0] wdata;
  reg [1:0] raddr;
  wire [7:0] rdata_dut, rdata_ref;
  regfile4x8 dut (.clk(clk), .rst(rst), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rdata_dut));
  regfile4x8_golden golden (.clk(clk), .rst(rst), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rdata_ref));
  always #5 clk = ~clk;
  integer seed = 18552289;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({rdata_dut} !== {rdata_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: rdata=%h (expected %h)", cycle, rdata_dut, rdata_ref);
      end
      if (^{rdata_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      we = (($random(seed) & 1023) < 410);
      waddr = $random(seed);
      wdata = $random(seed);
      raddr = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (rst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
