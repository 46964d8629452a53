module prbs7_golden (
  input clk,
  input reset,
  input en,
  output prbs_out
);
  reg [6:0] sr;
  assign prbs_out = sr[6];
  always @(posedge clk) begin
    if (reset) sr <= 7'h7f;
    else if (en) sr <= {sr[5:0], sr[6] ^ sr[5]};
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg reset;
  reg en;
  wire prbs_out_dut, prbs_out_ref;
  prbs7 dut (.clk(clk), .reset(reset), .en(en), .prbs_out(prbs_out_dut));
  prbs7_golden golden (.clk(clk), .reset(reset), .en(en), .prbs_out(prbs_out_ref));
  always #5 clk = ~clk;
  integer seed = 1818042493;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({prbs_out_dut} !== {prbs_out_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: prbs_out=%h (expected %h)", cycle, prbs_out_dut, prbs_out_ref);
      end
      if (^{prbs_out_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 819);
    end
  endtask
  initial begin
    reset = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    reset = 1'b0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      reset = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (reset === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
