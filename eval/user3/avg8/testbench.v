module avg8_golden (
  input  [7:0] a,
  input  [7:0] b,
  output [7:0] m
);
  wire [8:0] sum = a + b + 9'd1;
  assign m = sum[8:1];
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire [7:0] m_dut, m_ref;
  avg8 dut (.a(a), .b(b), .m(m_dut));
  avg8_golden golden (.a(a), .b(b), .m(m_ref));
  integer seed = 184754236;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({m_dut} !== {m_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: m=%h (expected %h)", cycle, m_dut, m_ref);
      end
      if (^{m_ref} !== 1'bx) defined = defined + 1;
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
