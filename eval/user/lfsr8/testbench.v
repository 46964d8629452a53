module lfsr8_golden (
  input clk,
  input rst,
  output reg [7:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 8'h01;
    else q <= {q[6:0], q[7] ^ q[5] ^ q[4] ^ q[3]};
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  wire [7:0] q_dut, q_ref;
  lfsr8 dut (.clk(clk), .rst(rst), .q(q_dut));
  lfsr8_golden golden (.clk(clk), .rst(rst), .q(q_ref));
  always #5 clk = ~clk;
  integer seed = 1876419287;
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
