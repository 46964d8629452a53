module ham74_enc_golden (
  input  [3:0] d,
  output [6:0] c
);
  wire p1 = d[0] ^ d[1] ^ d[3];
  wire p2 = d[0] ^ d[2] ^ d[3];
  wire p4 = d[1] ^ d[2] ^ d[3];
  assign c = {d[3], d[2], d[1], p4, d[0], p2, p1};
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] d;
  wire [6:0] c_dut, c_ref;
  ham74_enc dut (.d(d), .c(c_dut));
  ham74_enc_golden golden (.d(d), .c(c_ref));
  integer seed = 290469311;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({c_dut} !== {c_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: c=%h (expected %h)", cycle, c_dut, c_ref);
      end
      if (^{c_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d = $random(seed);
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
