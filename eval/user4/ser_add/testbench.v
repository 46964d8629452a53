module ser_add_golden (
    input  clk,
    input  rst,
    input  start,
    input  a,
    input  b,
    output s,
    output reg carry
);
    wire cin = carry & ~start;
    assign s = a ^ b ^ cin;
    always @(posedge clk) begin
        if (rst) carry <= 1'b0;
        else     carry <= (a & b) | (a & cin) | (b & cin);
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg start;
  reg a;
  reg b;
  wire s_dut, s_ref;
  wire carry_dut, carry_ref;
  ser_add dut (.clk(clk), .rst(rst), .start(start), .a(a), .b(b), .s(s_dut), .carry(carry_dut));
  ser_add_golden golden (.clk(clk), .rst(rst), .start(start), .a(a), .b(b), .s(s_ref), .carry(carry_ref));
  always #5 clk = ~clk;
  integer seed = 972169519;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({s_dut, carry_dut} !== {s_ref, carry_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: s=%h (expected %h) carry=%h (expected %h)", cycle, s_dut, s_ref, carry_dut, carry_ref);
      end
      if (^{s_ref, carry_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      start = (($random(seed) & 1023) < 128);
      a = $random(seed);
      b = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
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
