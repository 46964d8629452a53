module window4_golden (
  input  [3:0] x,
  input  [3:0] lo,
  input  [3:0] hi,
  output       in_win
);
  assign in_win = (x >= lo) && (x <= hi);
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] x;
  reg [3:0] lo;
  reg [3:0] hi;
  wire in_win_dut, in_win_ref;
  window4 dut (.x(x), .lo(lo), .hi(hi), .in_win(in_win_dut));
  window4_golden golden (.x(x), .lo(lo), .hi(hi), .in_win(in_win_ref));
  integer seed = 1226975067;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({in_win_dut} !== {in_win_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: in_win=%h (expected %h)", cycle, in_win_dut, in_win_ref);
      end
      if (^{in_win_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
      lo = $random(seed);
      hi = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
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
