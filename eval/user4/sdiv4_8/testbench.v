module sdiv4_8_golden (
    input  wire signed [7:0] a,
    output wire signed [7:0] q,
    output wire              exact
);
    assign exact = (a[1:0] == 2'b00);
    // arithmetic shift rounds toward -inf; add 3 first for negative inputs
    wire signed [8:0] biased = (a[7] && !exact) ? ({a[7], a} + 9'sd3) : {a[7], a};
    assign q = biased >>> 2;
endmodule

`timescale 1ns/1ps
module tb;
  reg signed [7:0] a;
  wire signed [7:0] q_dut, q_ref;
  wire exact_dut, exact_ref;
  sdiv4_8 dut (.a(a), .q(q_dut), .exact(exact_dut));
  sdiv4_8_golden golden (.a(a), .q(q_ref), .exact(exact_ref));
  integer seed = 452409289;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut, exact_dut} !== {q_ref, exact_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h) exact=%h (expected %h)", cycle, q_dut, q_ref, exact_dut, exact_ref);
      end
      if (^{q_ref, exact_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
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
