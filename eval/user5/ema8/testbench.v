module ema8_golden (
  input            clk,
  input            rst_n,
  input      [7:0] x,
  output reg [7:0] avg
);
  wire signed [8:0] diff = $signed({1'b0, x}) - $signed({1'b0, avg});
  wire signed [8:0] step = diff >>> 2;
  always @(posedge clk) begin
    if (!rst_n)
      avg <= 8'd0;
    else
      avg <= avg + step[7:0];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg [7:0] x;
  wire [7:0] avg_dut, avg_ref;
  ema8 dut (.clk(clk), .rst_n(rst_n), .x(x), .avg(avg_dut));
  ema8_golden golden (.clk(clk), .rst_n(rst_n), .x(x), .avg(avg_ref));
  always #5 clk = ~clk;
  integer seed = 655715532;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({avg_dut} !== {avg_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: avg=%h (expected %h)", cycle, avg_dut, avg_ref);
      end
      if (^{avg_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 154) x = $random(seed);
    end
  endtask
  initial begin
    x = $random(seed);
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
