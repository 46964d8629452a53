module hyst8_golden (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [7:0] x,
    input  wire [7:0] hi,
    input  wire [7:0] lo,
    output reg        y
);
    always @(posedge clk) begin
        if (!rst_n)
            y <= 1'b0;
        else if (x > hi)
            y <= 1'b1;
        else if (x < lo)
            y <= 1'b0;
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg [7:0] x;
  reg [7:0] hi;
  reg [7:0] lo;
  wire y_dut, y_ref;
  hyst8 dut (.clk(clk), .rst_n(rst_n), .x(x), .hi(hi), .lo(lo), .y(y_dut));
  hyst8_golden golden (.clk(clk), .rst_n(rst_n), .x(x), .hi(hi), .lo(lo), .y(y_ref));
  always #5 clk = ~clk;
  integer seed = 1254308270;
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
      x = $unsigned($random(seed)) % 25;
      hi = $unsigned($random(seed)) % 21;
      lo = $unsigned($random(seed)) % 11;
    end
  endtask
  initial begin
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
