module wrap_cnt4_golden (
  input            clk,
  input            arst_n,
  input            en,
  input      [3:0] top,
  output reg [3:0] q,
  output           wrap
);
  assign wrap = (q == top);
  always @(posedge clk or negedge arst_n) begin
    if (!arst_n)
      q <= 4'd0;
    else if (en) begin
      if (q >= top) q <= 4'd0;
      else          q <= q + 4'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg arst_n;
  reg en;
  reg [3:0] top;
  wire [3:0] q_dut, q_ref;
  wire wrap_dut, wrap_ref;
  wrap_cnt4 dut (.clk(clk), .arst_n(arst_n), .en(en), .top(top), .q(q_dut), .wrap(wrap_dut));
  wrap_cnt4_golden golden (.clk(clk), .arst_n(arst_n), .en(en), .top(top), .q(q_ref), .wrap(wrap_ref));
  always #5 clk = ~clk;
  integer seed = 1768954831;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut, wrap_dut} !== {q_ref, wrap_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h) wrap=%h (expected %h)", cycle, q_dut, q_ref, wrap_dut, wrap_ref);
      end
      if (^{q_ref, wrap_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 870);
      if (($random(seed) & 1023) < 41) top = $random(seed);
    end
  endtask
  initial begin
    top = $random(seed);
    arst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    arst_n = 1'b1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
