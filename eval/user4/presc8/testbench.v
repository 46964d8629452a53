module presc8_golden (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] div,
    output reg  [7:0] cnt,
    output wire       tick
);
    assign tick = (cnt >= div);
    always @(posedge clk) begin
        if (rst)
            cnt <= 8'd0;
        else if (tick)
            cnt <= 8'd0;
        else
            cnt <= cnt + 8'd1;
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg [7:0] div;
  wire [7:0] cnt_dut, cnt_ref;
  wire tick_dut, tick_ref;
  presc8 dut (.clk(clk), .rst(rst), .div(div), .cnt(cnt_dut), .tick(tick_dut));
  presc8_golden golden (.clk(clk), .rst(rst), .div(div), .cnt(cnt_ref), .tick(tick_ref));
  always #5 clk = ~clk;
  integer seed = 205622254;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({cnt_dut, tick_dut} !== {cnt_ref, tick_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: cnt=%h (expected %h) tick=%h (expected %h)", cycle, cnt_dut, cnt_ref, tick_dut, tick_ref);
      end
      if (^{cnt_ref, tick_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      div = $unsigned($random(seed)) % 10;
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
