module rise_detect_golden (
  input clk,
  input rst,
  input sig,
  output reg pulse
);
  reg prev;
  always @(posedge clk) begin
    if (rst) begin
      prev <= 1'b0;
      pulse <= 1'b0;
    end else begin
      prev <= sig;
      pulse <= sig & ~prev;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg sig;
  wire pulse_dut, pulse_ref;
  rise_detect dut (.clk(clk), .rst(rst), .sig(sig), .pulse(pulse_dut));
  rise_detect_golden golden (.clk(clk), .rst(rst), .sig(sig), .pulse(pulse_ref));
  always #5 clk = ~clk;
  integer seed = 1558673676;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({pulse_dut} !== {pulse_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: pulse=%h (expected %h)", cycle, pulse_dut, pulse_ref);
      end
      if (^{pulse_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 307) sig = $random(seed);
    end
  endtask
  initial begin
    sig = $random(seed);
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
