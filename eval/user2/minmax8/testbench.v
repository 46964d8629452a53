module minmax8_golden (
  input [7:0] x,
  input [7:0] y,
  output [7:0] lo,
  output [7:0] hi
);
  assign lo = (x < y) ? x : y;
  assign hi = (x < y) ? y : x;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] x;
  reg [7:0] y;
  wire [7:0] lo_dut, lo_ref;
  wire [7:0] hi_dut, hi_ref;
  minmax8 dut (.x(x), .y(y), .lo(lo_dut), .hi(hi_dut));
  minmax8_golden golden (.x(x), .y(y), .lo(lo_ref), .hi(hi_ref));
  integer seed = 1959401285;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({lo_dut, hi_dut} !== {lo_ref, hi_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: lo=%h (expected %h) hi=%h (expected %h)", cycle, lo_dut, lo_ref, hi_dut, hi_ref);
      end
      if (^{lo_ref, hi_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
      y = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      drive;
      #5;
      check;
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
