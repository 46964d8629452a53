module div6_golden (
  input clk,
  input areset,
  output reg clk_out
);
  reg [1:0] cnt;
  always @(posedge clk or posedge areset) begin
    if (areset) begin
      cnt <= 2'd0;
      clk_out <= 1'b0;
    end else if (cnt == 2'd2) begin
      cnt <= 2'd0;
      clk_out <= ~clk_out;
    end else begin
      cnt <= cnt + 2'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg areset;
  wire clk_out_dut, clk_out_ref;
  div6 dut (.clk(clk), .areset(areset), .clk_out(clk_out_dut));
  div6_golden golden (.clk(clk), .areset(areset), .clk_out(clk_out_ref));
  always #5 clk = ~clk;
  integer seed = 227448712;
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
    areset = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    areset = 1'b0;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      areset = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (areset === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
