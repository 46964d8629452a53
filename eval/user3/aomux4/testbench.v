module aomux4_golden (
  input  [5:0] d0,
  input  [5:0] d1,
  input  [5:0] d2,
  input  [5:0] d3,
  input  [3:0] sel,
  output [5:0] out
);
  assign out = ({6{sel[0]}} & d0) | ({6{sel[1]}} & d1) |
               ({6{sel[2]}} & d2) | ({6{sel[3]}} & d3);
endmodule

`timescale 1ns/1ps
module tb;
  reg [5:0] d0;
  reg [5:0] d1;
  reg [5:0] d2;
  reg [5:0] d3;
  reg [3:0] sel;
  wire [5:0] out_dut, out_ref;
  aomux4 dut (.d0(d0), .d1(d1), .d2(d2), .d3(d3), .sel(sel), .out(out_dut));
  aomux4_golden golden (.d0(d0), .d1(d1), .d2(d2), .d3(d3), .sel(sel), .out(out_ref));
  integer seed = 1173431120;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({out_dut} !== {out_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: out=%h (expected %h)", cycle, out_dut, out_ref);
      end
      if (^{out_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d0 = $random(seed);
      d1 = $random(seed);
      d2 = $random(seed);
      d3 = $random(seed);
      sel = $random(seed);
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
