module irq_latch_golden (
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

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg resetn;
  reg [3:0] irq;
  reg [3:0] clr;
  reg [3:0] mask;
  wire [3:0] pend_dut, pend_ref;
  wire int_o_dut, int_o_ref;
  irq_latch dut (.clk(clk), .resetn(resetn), .irq(irq), .clr(clr), .mask(mask), .pend(pend_dut), .int_o(int_o_dut));
  irq_latch_golden golden (.clk(clk), .resetn(resetn), .irq(irq), .clr(clr), .mask(mask), .pend(pend_ref), .int_o(int_o_ref));
  always #5 clk = ~clk;
  integer seed = 741148876;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({pend_dut, int_o_dut} !== {pend_ref, int_o_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: pend=%h (expected %h) int_o=%h (expected %h)", cycle, pend_dut, pend_ref, int_o_dut, int_o_ref);
      end
      if (^{pend_ref, int_o_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      irq = $random(seed);
      clr = $random(seed);
      mask = $random(seed);
    end
  endtask
  initial begin
    resetn = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    resetn = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      resetn = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (resetn === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
