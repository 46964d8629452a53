module bitmux8_golden (
  input [7:0] d,
  input [2:0] s,
  output o
);
  assign o = d[s];
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] d;
  reg [2:0] s;
  wire o_dut, o_ref;
  bitmux8 dut (.d(d), .s(s), .o(o_dut));
  bitmux8_golden golden (.d(d), .s(s), .o(o_ref));
  integer seed = 1803839855;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({o_dut} !== {o_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: o=%h (expected %h)", cycle, o_dut, o_ref);
      end
      if (^{o_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d = $random(seed);
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
