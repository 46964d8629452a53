module mac4x4_golden (
  input clk,
  input srst,
  input en,
  input [3:0] a,
  input [3:0] b,
  output reg [11:0] acc
);
  always @(posedge clk) begin
    if (srst) acc <= 12'd0;
    else if (en) acc <= acc + a * b;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg srst;
  reg en;
  reg [3:0] a;
  reg [3:0] b;
  wire [11:0] acc_dut, acc_ref;
  mac4x4 dut (.clk(clk), .srst(srst), .en(en), .a(a), .b(b), .acc(acc_dut));
  mac4x4_golden golden (.clk(clk), .srst(srst), .en(en), .a(a), .b(b), .acc(acc_ref));
  always #5 clk = ~clk;
  integer seed = 349150612;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({acc_dut} !== {acc_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: acc=%h (expected %h)", cycle, acc_dut, acc_ref);
      end
      if (^{acc_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 717);
      a = $random(seed);
      b = $random(seed);
    end
  endtask
  initial begin
    srst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    srst = 1'b0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      srst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (srst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
