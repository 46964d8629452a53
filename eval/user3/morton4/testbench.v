module morton4_golden (
  input  [3:0] a,
  input  [3:0] b,
  output [7:0] z
);
  assign z = {a[3], b[3], a[2], b[2], a[1], b[1], a[0], b[0]};
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] a;
  reg [3:0] b;
  wire [7:0] z_dut, z_ref;
  morton4 dut (.a(a), .b(b), .z(z_dut));
  morton4_golden golden (.a(a), .b(b), .z(z_ref));
  integer seed = 1727872990;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({z_dut} !== {z_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: z=%h (expected %h)", cycle, z_dut, z_ref);
      end
      if (^{z_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
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
