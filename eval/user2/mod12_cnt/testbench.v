module mod12_cnt_golden (
  input clk,
  input rst_n,
  input en,
  output reg [3:0] count,
  output tc
);
  assign tc = (count == 4'd11);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) count <= 4'd0;
    else if (en) count <= tc ? 4'd0 : count + 4'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg en;
  wire [3:0] count_dut, count_ref;
  wire tc_dut, tc_ref;
  mod12_cnt dut (.clk(clk), .rst_n(rst_n), .en(en), .count(count_dut), .tc(tc_dut));
  mod12_cnt_golden golden (.clk(clk), .rst_n(rst_n), .en(en), .count(count_ref), .tc(tc_ref));
  always #5 clk = ~clk;
  integer seed = 1970183875;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({count_dut, tc_dut} !== {count_ref, tc_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: count=%h (expected %h) tc=%h (expected %h)", cycle, count_dut, count_ref, tc_dut, tc_ref);
      end
      if (^{count_ref, tc_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 819);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (rst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
