module abs_diff8_golden (
  input [7:0] p,
  input [7:0] q,
  output [7:0] d
);
  assign d = (p > q) ? p - q : q - p;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] p;
  reg [7:0] q;
  wire [7:0] d_dut, d_ref;
  abs_diff8 dut (.p(p), .q(q), .d(d_dut));
  abs_diff8_golden golden (.p(p), .q(q), .d(d_ref));
  integer seed = 1493393655;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({d_dut} !== {d_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: d=%h (expected %h)", cycle, d_dut, d_ref);
      end
      if (^{d_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      p = $random(seed);
      q = $random(seed);
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
