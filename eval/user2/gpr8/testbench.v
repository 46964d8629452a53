module gpr8_golden (
  input clk,
  input rst_n,
  input wen,
  input [2:0] wa,
  input [7:0] wd,
  input [2:0] ra1,
  input [2:0] ra2,
  output [7:0] rd1,
  output [7:0] rd2
);
  reg [7:0] regs [1:7];
  integer i;
  assign rd1 = (ra1 == 3'd0) ? 8'd0 : regs[ra1];
  assign rd2 = (ra2 == 3'd0) ? 8'd0 : regs[ra2];
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (i = 1; i < 8; i = i + 1) regs[i] <= 8'd0;
    end else if (wen && wa != 3'd0) begin
      regs[wa] <= wd;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg wen;
  reg [2:0] wa;
  reg [7:0] wd;
  reg [2:0] ra1;
  reg [2:0] ra2;
  wire [7:0] rd1_dut, rd1_ref;
  wire [7:0] rd2_dut, rd2_ref;
  gpr8 dut (.clk(clk), .rst_n(rst_n), .wen(wen), .wa(wa), .wd(wd), .ra1(ra1), .ra2(ra2), .rd1(rd1_dut), .rd2(rd2_dut));
  gpr8_golden golden (.clk(clk), .rst_n(rst_n), .wen(wen), .wa(wa), .wd(wd), .ra1(ra1), .ra2(ra2), .rd1(rd1_ref), .rd2(rd2_ref));
  always #5 clk = ~clk;
  integer seed = 136621601;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({rd1_dut, rd2_dut} !== {rd1_ref, rd2_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: rd1=%h (expected %h) rd2=%h (expected %h)", cycle, rd1_dut, rd1_ref, rd2_dut, rd2_ref);
      end
      if (^{rd1_ref, rd2_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      wen = (($random(seed) & 1023) < 512);
      wa = $random(seed);
      wd = $random(seed);
      ra1 = $random(seed);
      ra2 = $random(seed);
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
