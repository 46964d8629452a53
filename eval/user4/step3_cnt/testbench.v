module step3_cnt_golden (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       dn,
    output reg  [5:0] cnt
);
    always @(posedge clk) begin
        if (rst)
            cnt <= 6'd0;
        else if (en)
            cnt <= dn ? cnt - 6'd3 : cnt + 6'd3;
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg en;
  reg dn;
  wire [5:0] cnt_dut, cnt_ref;
  step3_cnt dut (.clk(clk), .rst(rst), .en(en), .dn(dn), .cnt(cnt_dut));
  step3_cnt_golden golden (.clk(clk), .rst(rst), .en(en), .dn(dn), .cnt(cnt_ref));
  always #5 clk = ~clk;
  integer seed = 1128831183;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({cnt_dut} !== {cnt_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: cnt=%h (expected %h)", cycle, cnt_dut, cnt_ref);
      end
      if (^{cnt_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 819);
      if (($random(seed) & 1023) < 102) dn = $random(seed);
    end
  endtask
  initial begin
    dn = $random(seed);
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
