module smul4_golden (
  input  signed [3:0] a,
  input  signed [3:0] b,
  output signed [7:0] p
);
  assign p = a * b;
endmodule

`timescale 1ns/1ps
module tb;
  reg signed [3:0] a;
  reg signed [3:0] b;
  wire signed [7:0] p_dut, p_ref;
  smul4 dut (.a(a), .b(b), .p(p_dut));
  smul4_golden golden (.a(a), .b(b), .p(p_ref));
  integer seed = 718918211;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({p_dut} !== {p_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: p=%h (expected %h)", cycle, p_dut, p_ref);
      end
      if (^{p_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
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
