module add4_golden (
  input [3:0] a,
  input [3:0] b,
  input cin,
  output [3:0] sum,
  output cout
);
  assign {cout, sum} = a + b + cin;
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] a;
  reg [3:0] b;
  reg cin;
  wire [3:0] sum_dut, sum_ref;
  wire cout_dut, cout_ref;
  add4 dut (.a(a), .b(b), .cin(cin), .sum(sum_dut), .cout(cout_dut));
  add4_golden golden (.a(a), .b(b), .cin(cin), .sum(sum_ref), .cout(cout_ref));
  integer seed = 1628591360;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({sum_dut, cout_dut} !== {sum_ref, cout_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: sum=%h (expected %h) cout=%h (expected %h)", cycle, sum_dut, sum_ref, cout_dut, cout_ref);
      end
      if (^{sum_ref, cout_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
      cin = $random(seed);
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
