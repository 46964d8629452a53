module dec2to4_n_golden (
  input        g_n,
  input  [1:0] a,
  output [3:0] y_n
);
  assign y_n = g_n ? 4'b1111 : ~(4'b0001 << a);
endmodule

`timescale 1ns/1ps
module tb;
  reg g_n;
  reg [1:0] a;
  wire [3:0] y_n_dut, y_n_ref;
  dec2to4_n dut (.g_n(g_n), .a(a), .y_n(y_n_dut));
  dec2to4_n_golden golden (.g_n(g_n), .a(a), .y_n(y_n_ref));
  integer seed = 515210543;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_n_dut} !== {y_n_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y_n=%h (expected %h)", cycle, y_n_dut, y_n_ref);
      end
      if (^{y_n_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      g_n = $random(seed);
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
