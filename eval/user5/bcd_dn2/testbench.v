module bcd_dn2_golden (
  input            clk,
  input            rst,
  input            ld,
  input      [3:0] ld_t,
  input      [3:0] ld_o,
  input            dec,
  output reg [3:0] tens,
  output reg [3:0] ones,
  output           zero
);
  assign zero = (tens == 4'd0) && (ones == 4'd0);
  always @(posedge clk) begin
    if (rst) begin
      tens <= 4'd0;
      ones <= 4'd0;
    end else if (ld) begin
      tens <= ld_t;
      ones <= ld_o;
    end else if (dec && !zero) begin
      if (ones == 4'd0) begin
        ones <= 4'd9;
        tens <= tens - 4'd1;
      end else
        ones <= ones - 4'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg ld;
  reg [3:0] ld_t;
  reg [3:0] ld_o;
  reg dec;
  wire [3:0] tens_dut, tens_ref;
  wire [3:0] ones_dut, ones_ref;
  wire zero_dut, zero_ref;
  bcd_dn2 dut (.clk(clk), .rst(rst), .ld(ld), .ld_t(ld_t), .ld_o(ld_o), .dec(dec), .tens(tens_dut), .ones(ones_dut), .zero(zero_dut));
  bcd_dn2_golden golden (.clk(clk), .rst(rst), .ld(ld), .ld_t(ld_t), .ld_o(ld_o), .dec(dec), .tens(tens_ref), .ones(ones_ref), .zero(zero_ref));
  always #5 clk = ~clk;
  integer seed = 2130948862;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({tens_dut, ones_dut, zero_dut} !== {tens_ref, ones_ref, zero_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: tens=%h (expected %h) ones=%h (expected %h) zero=%h (expected %h)", cycle, tens_dut, tens_ref, ones_dut, ones_ref, zero_dut, zero_ref);
      end
      if (^{tens_ref, ones_ref, zero_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      ld = (($random(seed) & 1023) < 41);
      ld_t = $unsigned($random(seed)) % 4;
      ld_o = $unsigned($random(seed)) % 10;
      dec = (($random(seed) & 1023) < 819);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
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
