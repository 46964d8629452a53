module bcd_counter_golden (
  input clk,
  input reset,
  input en,
  output reg [3:0] count,
  output carry
);
  assign carry = (count == 4'd9);
  always @(posedge clk) begin
    if (reset) count <= 4'd0;
    else if (en) count <= (count == 4'd9) ? 4'd0 : count + 4'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg reset;
  reg en;
  wire [3:0] count_dut, count_ref;
  wire carry_dut, carry_ref;
  bcd_counter dut (.clk(clk), .reset(reset), .en(en), .count(count_dut), .carry(carry_dut));
  bcd_counter_golden golden (.clk(clk), .reset(reset), .en(en), .count(count_ref), .carry(carry_ref));
  always #5 clk = ~clk;
  integer seed = 1437289542;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({count_dut, carry_dut} !== {count_ref, carry_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: count=%h (expected %h) carry=%h (expected %h)", cycle, count_dut, count_ref, carry_dut, carry_ref);
      end
      if (^{count_ref, carry_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 717);
    end
  endtask
  initial begin
    reset = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    reset = 1'b0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      reset = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (reset === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
