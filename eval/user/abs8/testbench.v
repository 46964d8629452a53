module abs8_golden (
  input signed [7:0] x,
  output [7:0] y
);
  assign y = x[7] ? -x : x;
endmodule

`timescale 1ns/1ps
module tb;
  reg signed [7:0] x;
  wire [7:0] y_dut, y_ref;
  abs8 dut (.x(x), .y(y_dut));
  abs8_golden golden (.x(x), .y(y_ref));
  integer seed = 1522541775;
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
      x = $random(seed);
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
