module evrate_golden (
  input            clk,
  input            rst,
  input            ev,
  output reg [4:0] rate,
  output reg       tick
);
  reg [3:0] ph;
  reg [4:0] acc;
  always @(posedge clk) begin
    if (rst) begin
      ph <= 4'd0; acc <= 5'd0; rate <= 5'd0; tick <= 1'b0;
    end else begin
      ph <= ph + 4'd1;
      tick <= (ph == 4'd15);
      if (ph == 4'd15) begin
        rate <= acc + ev;
        acc  <= 5'd0;
      end else
        acc <= acc + ev;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg ev;
  wire [4:0] rate_dut, rate_ref;
  wire tick_dut, tick_ref;
  evrate dut (.clk(clk), .rst(rst), .ev(ev), .rate(rate_dut), .tick(tick_dut));
  evrate_golden golden (.clk(clk), .rst(rst), .ev(ev), .rate(rate_ref), .tick(tick_ref));
  always #5 clk = ~clk;
  integer seed = 1337922641;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({rate_dut, tick_dut} !== {rate_ref, tick_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: rate=%h (expected %h) tick=%h (expected %h)", cycle, rate_dut, rate_ref, tick_dut, tick_ref);
      end
      if (^{rate_ref, tick_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      ev = (($random(seed) & 1023) < 614);
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
