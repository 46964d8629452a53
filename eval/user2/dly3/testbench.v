module dly3_golden (
  input clk,
  input arst_n,
  input [3:0] din,
  output [3:0] dout
);
  reg [3:0] s1, s2, s3;
  assign dout = s3;
  always @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      s1 <= 4'd0;
      s2 <= 4'd0;
      s3 <= 4'd0;
    end else begin
      s1 <= din;
      s2 <= s1;
      s3 <= s2;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg arst_n;
  reg [3:0] din;
  wire [3:0] dout_dut, dout_ref;
  dly3 dut (.clk(clk), .arst_n(arst_n), .din(din), .dout(dout_dut));
  dly3_golden golden (.clk(clk), .arst_n(arst_n), .din(din), .dout(dout_ref));
  always #5 clk = ~clk;
  integer seed = 1509860293;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({dout_dut} !== {dout_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: dout=%h (expected %h)", cycle, dout_dut, dout_ref);
      end
      if (^{dout_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      din = $random(seed);
    end
  endtask
  initial begin
    arst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    arst_n = 1'b1;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      arst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (arst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
