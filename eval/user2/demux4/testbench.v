module demux4_golden (
  input [3:0] din,
  input [1:0] sel,
  output [3:0] y0,
  output [3:0] y1,
  output [3:0] y2,
  output [3:0] y3
);
  assign y0 = (sel == 2'd0) ? din : 4'd0;
  assign y1 = (sel == 2'd1) ? din : 4'd0;
  assign y2 = (sel == 2'd2) ? din : 4'd0;
  assign y3 = (sel == 2'd3) ? din : 4'd0;
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] din;
  reg [1:0] sel;
  wire [3:0] y0_dut, y0_ref;
  wire [3:0] y1_dut, y1_ref;
  wire [3:0] y2_dut, y2_ref;
  wire [3:0] y3_dut, y3_ref;
  demux4 dut (.din(din), .sel(sel), .y0(y0_dut), .y1(y1_dut), .y2(y2_dut), .y3(y3_dut));
  demux4_golden golden (.din(din), .sel(sel), .y0(y0_ref), .y1(y1_ref), .y2(y2_ref), .y3(y3_ref));
  integer seed = 213082807;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y0_dut, y1_dut, y2_dut, y3_dut} !== {y0_ref, y1_ref, y2_ref, y3_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y0=%h (expected %h) y1=%h (expected %h) y2=%h (expected %h) y3=%h (expected %h)", cycle, y0_dut, y0_ref, y1_dut, y1_ref, y2_dut, y2_ref, y3_dut, y3_ref);
      end
      if (^{y0_ref, y1_ref, y2_ref, y3_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      din = $random(seed);
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
