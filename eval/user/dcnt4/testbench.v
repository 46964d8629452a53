module dcnt4_golden (
  input clk,
  input rst_n,
  output reg [3:0] q
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) q <= 4'd0;
    else q <= q - 4'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  wire [3:0] q_dut, q_ref;
  dcnt4 dut (.clk(clk), .rst_n(rst_n), .q(q_dut));
  dcnt4_golden golden (.clk(clk), .rst_n(rst_n), .q(q_ref));
  always #5 clk = ~clk;
  integer seed = 1705748083;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut} !== {q_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h)", cycle, q_dut, q_ref);
      end
      if (^{q_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
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
