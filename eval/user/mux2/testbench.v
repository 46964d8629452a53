module mux2_golden (
  input [15:0] a,
  input [15:0] b,
  input s,
  output [15:0] y
);
  assign y = s ? b : a;
endmodule

`timescale 1ns/1ps
module tb;
  reg [15:0] a;
  reg [15:0] b;
  reg s;
  wire [15:0] y_dut, y_ref;
  mux2 dut (.a(a), .b(b), .s(s), .y(y_dut));
  mux2_golden golden (.a(a), .b(b), .s(s), .y(y_ref));
  integer seed = 523947287;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut} !== {y_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h)", cycle, y_dut, y_ref);
      end
      if (^{y_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
      s = $random(seed);
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
