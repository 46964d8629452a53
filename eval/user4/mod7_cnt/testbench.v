module mod7_cnt_golden (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    output reg  [2:0] q,
    output wire       tc
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            q <= 3'd0;
        else if (en)
            q <= (q == 3'd6) ? 3'd0 : q + 3'd1;
    end
    assign tc = en && (q == 3'd6);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg en;
  wire [2:0] q_dut, q_ref;
  wire tc_dut, tc_ref;
  mod7_cnt dut (.clk(clk), .rst_n(rst_n), .en(en), .q(q_dut), .tc(tc_dut));
  mod7_cnt_golden golden (.clk(clk), .rst_n(rst_n), .en(en), .q(q_ref), .tc(tc_ref));
  always #5 clk = ~clk;
  integer seed = 1428387328;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut, tc_dut} !== {q_ref, tc_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h) tc=%h (expected %h)", cycle, q_dut, q_ref, tc_dut, tc_ref);
      end
      if (^{q_ref, tc_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 768);
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
