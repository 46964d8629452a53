module cmp_su12_golden (
    input  wire [11:0] a,
    input  wire [11:0] b,
    input  wire        sgn,
    output wire        lt,
    output wire        eq,
    output wire        gt
);
    wire ult = a < b;
    wire slt = $signed(a) < $signed(b);
    assign eq = (a == b);
    assign lt = sgn ? slt : ult;
    assign gt = !eq && !lt;
endmodule

`timescale 1ns/1ps
module tb;
  reg [11:0] a;
  reg [11:0] b;
  reg sgn;
  wire lt_dut, lt_ref;
  wire eq_dut, eq_ref;
  wire gt_dut, gt_ref;
  cmp_su12 dut (.a(a), .b(b), .sgn(sgn), .lt(lt_dut), .eq(eq_dut), .gt(gt_dut));
  cmp_su12_golden golden (.a(a), .b(b), .sgn(sgn), .lt(lt_ref), .eq(eq_ref), .gt(gt_ref));
  integer seed = 1944200272;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({lt_dut, eq_dut, gt_dut} !== {lt_ref, eq_ref, gt_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: lt=%h (expected %h) eq=%h (expected %h) gt=%h (expected %h)", cycle, lt_dut, lt_ref, eq_dut, eq_ref, gt_dut, gt_ref);
      end
      if (^{lt_ref, eq_ref, gt_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
      sgn = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
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
