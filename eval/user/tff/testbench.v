module tff_golden (
  input clk,
  input rst,
  input t,
  output reg q
);
  always @(posedge clk) begin
    if (rst) q <= 1'b0;
    else if (t) q <= ~q;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg t;
  wire q_dut, q_ref;
  tff dut (.clk(clk), .rst(rst), .t(t), .q(q_dut));
  tff_golden golden (.clk(clk), .rst(rst), .t(t), .q(q_ref));
  always #5 clk = ~clk;
  integer seed = 786345199;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut} !== {q_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h)", cycle, q_dut, q_ref);
      end
      if (^{q_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      t = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
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
