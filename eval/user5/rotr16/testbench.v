module rotr16_golden (
  input  [15:0] d,
  input  [3:0]  sh,
  output [15:0] q
);
  wire [31:0] dd = {d, d} >> sh;
  assign q = dd[15:0];
endmodule

`timescale 1ns/1ps
module tb;
  reg [15:0] d;
  reg [3:0] sh;
  wire [15:0] q_dut, q_ref;
  rotr16 dut (.d(d), .sh(sh), .q(q_dut));
  rotr16_golden golden (.d(d), .sh(sh), .q(q_ref));
  integer seed = 774375652;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut} !== {q_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h)", cycle, q_dut, q_ref);
      end
      if (^{q_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d = $random(seed);
      sh = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
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
