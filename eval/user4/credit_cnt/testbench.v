module credit_cnt_golden (
    input  wire       clk,
    input  wire       rst,
    input  wire       take,
    input  wire       give,
    output reg  [3:0] credits,
    output wire       avail,
    output wire       full
);
    assign avail = (credits != 4'd0);
    assign full  = (credits == 4'd8);
    always @(posedge clk or posedge rst) begin
        if (rst)
            credits <= 4'd8;
        else if (take && !give && avail)
            credits <= credits - 4'd1;
        else if (give && !take && !full)
            credits <= credits + 4'd1;
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg take;
  reg give;
  wire [3:0] credits_dut, credits_ref;
  wire avail_dut, avail_ref;
  wire full_dut, full_ref;
  credit_cnt dut (.clk(clk), .rst(rst), .take(take), .give(give), .credits(credits_dut), .avail(avail_dut), .full(full_dut));
  credit_cnt_golden golden (.clk(clk), .rst(rst), .take(take), .give(give), .credits(credits_ref), .avail(avail_ref), .full(full_ref));
  always #5 clk = ~clk;
  integer seed = 1617163488;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({credits_dut, avail_dut, full_dut} !== {credits_ref, avail_ref, full_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: credits=%h (expected %h) avail=%h (expected %h) full=%h (expected %h)", cycle, credits_dut, credits_ref, avail_dut, avail_ref, full_dut, full_ref);
      end
      if (^{credits_ref, avail_ref, full_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      take = $random(seed);
      give = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
