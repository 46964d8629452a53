module in_range8_golden (
    input  wire [7:0] x,
    input  wire [7:0] lo,
    input  wire [7:0] hi,
    output wire       ok,
    output wire       below,
    output wire       above
);
    assign below = (x < lo);
    assign above = (x > hi);
    assign ok    = !below && !above;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] x;
  reg [7:0] lo;
  reg [7:0] hi;
  wire ok_dut, ok_ref;
  wire below_dut, below_ref;
  wire above_dut, above_ref;
  in_range8 dut (.x(x), .lo(lo), .hi(hi), .ok(ok_dut), .below(below_dut), .above(above_dut));
  in_range8_golden golden (.x(x), .lo(lo), .hi(hi), .ok(ok_ref), .below(below_ref), .above(above_ref));
  integer seed = 817599875;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({ok_dut, below_dut, above_dut} !== {ok_ref, below_ref, above_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: ok=%h (expected %h) below=%h (expected %h) above=%h (expected %h)", cycle, ok_dut, ok_ref, below_dut, below_ref, above_dut, above_ref);
      end
      if (^{ok_ref, below_ref, above_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $unsigned($random(seed)) % 41;
      lo = $unsigned($random(seed)) % 31;
      hi = $unsigned($random(seed)) % 61;
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
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
