module cap_tmr_golden (
  input             clk,
  input             rst,
  input             cap,
  output reg [11:0] t,
  output reg [11:0] ts,
  output reg        vld
);
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      t   <= 12'd0;
      ts  <= 12'd0;
      vld <= 1'b0;
    end else begin
      t <= t + 12'd1;
      if (cap) begin
        ts  <= t;
        vld <= 1'b1;
      end
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg cap;
  wire [11:0] t_dut, t_ref;
  wire [11:0] ts_dut, ts_ref;
  wire vld_dut, vld_ref;
  cap_tmr dut (.clk(clk), .rst(rst), .cap(cap), .t(t_dut), .ts(ts_dut), .vld(vld_dut));
  cap_tmr_golden golden (.clk(clk), .rst(rst), .cap(cap), .t(t_ref), .ts(ts_ref), .vld(vld_ref));
  always #5 clk = ~clk;
  integer seed = 1251292468;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({t_dut, ts_dut, vld_dut} !== {t_ref, ts_ref, vld_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: t=%h (expected %h) ts=%h (expected %h) vld=%h (expected %h)", cycle, t_dut, t_ref, ts_dut, ts_ref, vld_dut, vld_ref);
      end
      if (^{t_ref, ts_ref, vld_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      cap = (($random(seed) & 1023) < 102);
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
