module bcdadd1_golden (
  input  [3:0] a,
  input  [3:0] b,
  input        ci,
  output [3:0] s,
  output       co
);
  wire [4:0] t = a + b + ci;
  assign co = (t > 5'd9);
  assign s = co ? (t - 5'd10) : t[3:0];
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] a;
  reg [3:0] b;
  reg ci;
  wire [3:0] s_dut, s_ref;
  wire co_dut, co_ref;
  bcdadd1 dut (.a(a), .b(b), .ci(ci), .s(s_dut), .co(co_dut));
  bcdadd1_golden golden (.a(a), .b(b), .ci(ci), .s(s_ref), .co(co_ref));
  integer seed = 1995756433;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({s_dut, co_dut} !== {s_ref, co_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: s=%h (expected %h) co=%h (expected %h)", cycle, s_dut, s_ref, co_dut, co_ref);
      end
      if (^{s_ref, co_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $unsigned($random(seed)) % 10;
      b = $unsigned($random(seed)) % 10;
      ci = $random(seed);
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
