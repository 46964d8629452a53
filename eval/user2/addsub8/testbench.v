module addsub8_golden (
  input [7:0] a,
  input [7:0] b,
  input sub,
  output [7:0] s,
  output co
);
  wire [7:0] bx = sub ? ~b : b;
  assign {co, s} = a + bx + sub;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] a;
  reg [7:0] b;
  reg sub;
  wire [7:0] s_dut, s_ref;
  wire co_dut, co_ref;
  addsub8 dut (.a(a), .b(b), .sub(sub), .s(s_dut), .co(co_dut));
  addsub8_golden golden (.a(a), .b(b), .sub(sub), .s(s_ref), .co(co_ref));
  integer seed = 1979609115;
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
      a = $random(seed);
      b = $random(seed);
      sub = $random(seed);
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
