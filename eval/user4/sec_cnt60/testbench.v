module sec_cnt60_golden (
    input  wire       clk,
    input  wire       clr,
    input  wire       inc,
    output reg  [3:0] ones,
    output reg  [3:0] tens,
    output wire       co
);
    assign co = inc && (tens == 4'd5) && (ones == 4'd9);
    always @(posedge clk or posedge clr) begin
        if (clr) begin
            ones <= 4'd0;
            tens <= 4'd0;
        end else if (inc) begin
            if (ones == 4'd9) begin
                ones <= 4'd0;
                tens <= (tens == 4'd5) ? 4'd0 : tens + 4'd1;
            end else begin
                ones <= ones + 4'd1;
            end
        end
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg clr;
  reg inc;
  wire [3:0] ones_dut, ones_ref;
  wire [3:0] tens_dut, tens_ref;
  wire co_dut, co_ref;
  sec_cnt60 dut (.clk(clk), .clr(clr), .inc(inc), .ones(ones_dut), .tens(tens_dut), .co(co_dut));
  sec_cnt60_golden golden (.clk(clk), .clr(clr), .inc(inc), .ones(ones_ref), .tens(tens_ref), .co(co_ref));
  always #5 clk = ~clk;
  integer seed = 1063686397;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({ones_dut, tens_dut, co_dut} !== {ones_ref, tens_ref, co_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: ones=%h (expected %h) tens=%h (expected %h) co=%h (expected %h)", cycle, ones_dut, ones_ref, tens_dut, tens_ref, co_dut, co_ref);
      end
      if (^{ones_ref, tens_ref, co_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      inc = (($random(seed) & 1023) < 922);
    end
  endtask
  initial begin
    clr = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    clr = 1'b0;
    for (cycle = 0; cycle < 2000; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      clr = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (clr === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
