module rf8x4_2r_golden (
    input        clk,
    input        rst_n,
    input        we,
    input  [2:0] wa,
    input  [3:0] wd,
    input  [2:0] ra1,
    input  [2:0] ra2,
    output [3:0] rd1,
    output [3:0] rd2
);
    reg [3:0] r [1:7];
    integer i;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (i = 1; i < 8; i = i + 1) r[i] <= 4'd0;
        end else if (we && wa != 3'd0) begin
            r[wa] <= wd;
        end
    end
    assign rd1 = (ra1 == 3'd0) ? 4'd0 : r[ra1];
    assign rd2 = (ra2 == 3'd0) ? 4'd0 : r[ra2];
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg we;
  reg [2:0] wa;
  reg [3:0] wd;
  reg [2:0] ra1;
  reg [2:0] ra2;
  wire [3:0] rd1_dut, rd1_ref;
  wire [3:0] rd2_dut, rd2_ref;
  rf8x4_2r dut (.clk(clk), .rst_n(rst_n), .we(we), .wa(wa), .wd(wd), .ra1(ra1), .ra2(ra2), .rd1(rd1_dut), .rd2(rd2_dut));
  rf8x4_2r_golden golden (.clk(clk), .rst_n(rst_n), .we(we), .wa(wa), .wd(wd), .ra1(ra1), .ra2(ra2), .rd1(rd1_ref), .rd2(rd2_ref));
  always #5 clk = ~clk;
  integer seed = 1769452140;
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
      we = (($random(seed) & 1023) < 512);
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
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
