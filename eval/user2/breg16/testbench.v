module breg16_golden (
  input clk,
  input rst,
  input [1:0] be,
  input [15:0] d,
  output reg [15:0] q
);
  always @(posedge clk) begin
    if (rst) q <= 16'd0;
    else begin
      if (be[0]) q[7:0] <= d[7:0];
      if (be[1]) q[15:8] <= d[15:8];
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg [1:0] be;
  reg [15:0] d;
  wire [15:0] q_dut, q_ref;
  breg16 dut (.clk(clk), .rst(rst), .be(be), .d(d), .q(q_dut));
  breg16_golden golden (.clk(clk), .rst(rst), .be(be), .d(d), .q(q_ref));
  always #5 clk = ~clk;
  integer seed = 520328740;
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
      be = $random(seed);
      d = $random(seed);
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
