module peak_hold_golden (
  input clk,
  input rst,
  input clr,
  input [7:0] sample,
  output reg [7:0] peak
);
  always @(posedge clk) begin
    if (rst || clr) peak <= 8'd0;
    else if (sample > peak) peak <= sample;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg clr;
  reg [7:0] sample;
  wire [7:0] peak_dut, peak_ref;
  peak_hold dut (.clk(clk), .rst(rst), .clr(clr), .sample(sample), .peak(peak_dut));
  peak_hold_golden golden (.clk(clk), .rst(rst), .clr(clr), .sample(sample), .peak(peak_ref));
  always #5 clk = ~clk;
  integer seed = 1642929476;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({peak_dut} !== {peak_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: peak=%h (expected %h)", cycle, peak_dut, peak_ref);
      end
      if (^{peak_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      clr = (($random(seed) & 1023) < 61);
      sample = $random(seed);
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
