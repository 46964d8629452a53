module vend15_golden (
  input clk,
  input rst,
  input nickel,
  input dime,
  output reg vend
);
  reg [4:0] credit;
  wire [4:0] total = credit + (nickel ? 5'd5 : 5'd0) + (dime ? 5'd10 : 5'd0);
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      credit <= 5'd0;
      vend <= 1'b0;
    end else if (total >= 5'd15) begin
      credit <= 5'd0;
      vend <= 1'b1;
    end else begin
      credit <= total;
      vend <= 1'b0;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg nickel;
  reg dime;
  wire vend_dut, vend_ref;
  vend15 dut (.clk(clk), .rst(rst), .nickel(nickel), .dime(dime), .vend(vend_dut));
  vend15_golden golden (.clk(clk), .rst(rst), .nickel(nickel), .dime(dime), .vend(vend_ref));
  always #5 clk = ~clk;
  integer seed = 1526950930;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({vend_dut} !== {vend_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: vend=%h (expected %h)", cycle, vend_dut, vend_ref);
      end
      if (^{vend_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      nickel = (($random(seed) & 1023) < 307);
      dime = (($random(seed) & 1023) < 205);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
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
