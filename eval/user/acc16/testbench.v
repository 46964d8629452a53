module acc16_golden (
  input clk,
  input rst,
  input en,
  input [7:0] din,
  output reg [15:0] sum
);
  always @(posedge clk) begin
    if (rst) sum <= 16'd0;
    else if (en) sum <= sum + din;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg en;
  reg [7:0] din;
  wire [15:0] sum_dut, sum_ref;
  acc16 dut (.clk(clk), .rst(rst), .en(en), .din(din), .sum(sum_dut));
  acc16_golden golden (.clk(clk), .rst(rst), .en(en), .din(din), .sum(sum_ref));
  always #5 clk = ~clk;
  integer seed = 907984845;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({sum_dut} !== {sum_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: sum=%h (expected %h)", cycle, sum_dut, sum_ref);
      end
      if (^{sum_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 717);
      din = $random(seed);
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
