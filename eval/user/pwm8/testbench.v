module pwm8_golden (
  input clk,
  input rst,
  input [7:0] duty,
  output pwm_out
);
  reg [7:0] cnt;
  assign pwm_out = (cnt < duty);
  always @(posedge clk) begin
    if (rst) cnt <= 8'd0;
    else cnt <= cnt + 8'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg [7:0] duty;
  wire pwm_out_dut, pwm_out_ref;
  pwm8 dut (.clk(clk), .rst(rst), .duty(duty), .pwm_out(pwm_out_dut));
  pwm8_golden golden (.clk(clk), .rst(rst), .duty(duty), .pwm_out(pwm_out_ref));
  always #5 clk = ~clk;
  integer seed = 812713615;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({pwm_out_dut} !== {pwm_out_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: pwm_out=%h (expected %h)", cycle, pwm_out_dut, pwm_out_ref);
      end
      if (^{pwm_out_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 10) duty = $random(seed);
    end
  endtask
  initial begin
    duty = $random(seed);
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
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
