module sig_edges_golden (
  input clk,
  input rst_n,
  input din,
  output rise,
  output fall
);
  reg prev;
  assign rise = din & ~prev;
  assign fall = ~din & prev;
  always @(posedge clk) begin
    if (!rst_n) prev <= 1'b0;
    else prev <= din;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg din;
  wire rise_dut, rise_ref;
  wire fall_dut, fall_ref;
  sig_edges dut (.clk(clk), .rst_n(rst_n), .din(din), .rise(rise_dut), .fall(fall_dut));
  sig_edges_golden golden (.clk(clk), .rst_n(rst_n), .din(din), .rise(rise_ref), .fall(fall_ref));
  always #5 clk = ~clk;
  integer seed = 1402395093;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({rise_dut, fall_dut} !== {rise_ref, fall_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: rise=%h (expected %h) fall=%h (expected %h)", cycle, rise_dut, rise_ref, fall_dut, fall_ref);
      end
      if (^{rise_ref, fall_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 307) din = $random(seed);
    end
  endtask
  initial begin
    din = $random(seed);
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (rst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
