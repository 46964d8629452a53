module parity8_golden (
  input [7:0] d,
  output p
);
  assign p = ^d;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] d;
  wire p_dut, p_ref;
  parity8 dut (.d(d), .p(p_dut));
  parity8_golden golden (.d(d), .p(p_ref));
  integer seed = 1497649643;
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
      d = $random(seed);
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
