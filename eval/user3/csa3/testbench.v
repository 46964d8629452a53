module csa3_golden (
    input  [7:0] x, y, z,
    output [7:0] s,
    output [7:0] c
);
  assign s = x ^ y ^ z;
  assign c = (x & y) | (x & z) | (y & z);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] x;
  reg [7:0] y;
  reg [7:0] z;
  wire [7:0] s_dut, s_ref;
  wire [7:0] c_dut, c_ref;
  csa3 dut (.x(x), .y(y), .z(z), .s(s_dut), .c(c_dut));
  csa3_golden golden (.x(x), .y(y), .z(z), .s(s_ref), .c(c_ref));
  integer seed = 504835376;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({s_dut, c_dut} !== {s_ref, c_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: s=%h (expected %h) c=%h (expected %h)", cycle, s_dut, s_ref, c_dut, c_ref);
      end
      if (^{s_ref, c_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
      y = $random(seed);
      z = $random(seed);
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
