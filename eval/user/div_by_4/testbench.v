module div_by_4_golden (
  input clk,
  input rst,
  output clk_out
);
  reg [1:0] cnt;
  assign clk_out = cnt[1];
  always @(posedge clk) begin
    if (rst) cnt <= 2'd0;
    else cnt <= cnt + 2'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  wire clk_out_dut, clk_out_ref;
  div_by_4 dut (.clk(clk), .rst(rst), .clk_out(clk_out_dut));
  div_by_4_golden golden (.clk(clk), .rst(rst), .clk_out(clk_out_ref));
  always #5 clk = ~clk;
  integer seed = 1390984888;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({clk_out_dut} !== {clk_out_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: clk_out=%h (expected %h)", cycle, clk_out_dut, clk_out_ref);
      end
      if (^{clk_out_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (rst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
