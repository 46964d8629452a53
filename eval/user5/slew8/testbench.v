module slew8_golden (
  input            clk,
  input            rst,
  input      [7:0] tgt,
  input      [2:0] step,
  output reg [7:0] y
);
  always @(posedge clk) begin
    if (rst)
      y <= 8'd0;
    else if (tgt > y)
      y <= (tgt - y > step) ? y + step : tgt;
    else if (tgt < y)
      y <= (y - tgt > step) ? y - step : tgt;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg [7:0] tgt;
  reg [2:0] step;
  wire [7:0] y_dut, y_ref;
  slew8 dut (.clk(clk), .rst(rst), .tgt(tgt), .step(step), .y(y_dut));
  slew8_golden golden (.clk(clk), .rst(rst), .tgt(tgt), .step(step), .y(y_ref));
  always #5 clk = ~clk;
  integer seed = 2010467656;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut} !== {y_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h)", cycle, y_dut, y_ref);
      end
      if (^{y_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 51) tgt = $random(seed);
      step = $random(seed);
    end
  endtask
  initial begin
    tgt = $random(seed);
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
