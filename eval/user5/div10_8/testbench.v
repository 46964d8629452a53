module div10_8_golden (
  input  [7:0] x,
  output [4:0] q,
  output [3:0] r
);
  assign q = x / 8'd10;
  assign r = x % 8'd10;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] x;
  wire [4:0] q_dut, q_ref;
  wire [3:0] r_dut, r_ref;
  div10_8 dut (.x(x), .q(q_dut), .r(r_dut));
  div10_8_golden golden (.x(x), .q(q_ref), .r(r_ref));
  integer seed = 1702607064;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut, r_dut} !== {q_ref, r_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h) r=%h (expected %h)", cycle, q_dut, q_ref, r_dut, r_ref);
      end
      if (^{q_ref, r_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
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
