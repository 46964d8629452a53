module pulse_stretch_golden (
  input  clk,
  input  rst_n,
  input  trig,
  output pulse
);
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (!rst_n)
      cnt <= 3'd0;
    else if (trig)
      cnt <= 3'd4;
    else if (cnt != 3'd0)
      cnt <= cnt - 3'd1;
  end
  assign pulse = (cnt != 3'd0);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg trig;
  wire pulse_dut, pulse_ref;
  pulse_stretch dut (.clk(clk), .rst_n(rst_n), .trig(trig), .pulse(pulse_dut));
  pulse_stretch_golden golden (.clk(clk), .rst_n(rst_n), .trig(trig), .pulse(pulse_ref));
  always #5 clk = ~clk;
  integer seed = 1753657357;
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
      trig = (($random(seed) & 1023) < 102);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
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
