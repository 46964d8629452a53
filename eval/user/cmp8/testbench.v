module cmp8_golden (
  input [7:0] a,
  input [7:0] b,
  output eq,
  output gt,
  output lt
);
  assign eq = (a == b);
  assign gt = (a > b);
  assign lt = (a < b);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire eq_dut, eq_ref;
  wire gt_dut, gt_ref;
  wire lt_dut, lt_ref;
  cmp8 dut (.a(a), .b(b), .eq(eq_dut), .gt(gt_dut), .lt(lt_dut));
  cmp8_golden golden (.a(a), .b(b), .eq(eq_ref), .gt(gt_ref), .lt(lt_ref));
  integer seed = 2087702329;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({eq_dut, gt_dut, lt_dut} !== {eq_ref, gt_ref, lt_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: eq=%h (expected %h) gt=%h (expected %h) lt=%h (expected %h)", cycle, eq_dut, eq_ref, gt_dut, gt_ref, lt_dut, lt_ref);
      end
      if (^{eq_ref, gt_ref, lt_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
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
