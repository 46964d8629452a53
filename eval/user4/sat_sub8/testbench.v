module sat_sub8_golden (
    input  wire [7:0] a,
    input  wire [7:0] b,
    output wire [7:0] d,
    output wire       clamp
);
    assign clamp = (b > a);
    assign d     = clamp ? 8'd0 : (a - b);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] a;
  reg [7:0] b;
  wire [7:0] d_dut, d_ref;
  wire clamp_dut, clamp_ref;
  sat_sub8 dut (.a(a), .b(b), .d(d_dut), .clamp(clamp_dut));
  sat_sub8_golden golden (.a(a), .b(b), .d(d_ref), .clamp(clamp_ref));
  integer seed = 402265198;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({d_dut, clamp_dut} !== {d_ref, clamp_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: d=%h (expected %h) clamp=%h (expected %h)", cycle, d_dut, d_ref, clamp_dut, clamp_ref);
      end
      if (^{d_ref, clamp_ref} !== 1'bx) defined = defined + 1;
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
