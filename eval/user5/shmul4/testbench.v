module shmul4_golden (
  input            clk,
  input            rst,
  input            start,
  input      [3:0] a,
  input      [3:0] b,
  output reg [7:0] p,
  output reg       busy,
  output reg       done
);
  reg [3:0] ra, rb;
  reg [1:0] k;
  always @(posedge clk) begin
    if (rst) begin
      p <= 8'd0; busy <= 1'b0; done <= 1'b0;
      ra <= 4'd0; rb <= 4'd0; k <= 2'd0;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          ra <= a; rb <= b; p <= 8'd0; busy <= 1'b1; k <= 2'd0;
        end
      end else begin
        if (rb[k]) p <= p + ({4'd0, ra} << k);
        k <= k + 2'd1;
        if (k == 2'd3) begin
          busy <= 1'b0;
          done <= 1'b1;
        end
      end
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg start;
  reg [3:0] a;
  reg [3:0] b;
  wire [7:0] p_dut, p_ref;
  wire busy_dut, busy_ref;
  wire done_dut, done_ref;
  shmul4 dut (.clk(clk), .rst(rst), .start(start), .a(a), .b(b), .p(p_dut), .busy(busy_dut), .done(done_dut));
  shmul4_golden golden (.clk(clk), .rst(rst), .start(start), .a(a), .b(b), .p(p_ref), .busy(busy_ref), .done(done_ref));
  always #5 clk = ~clk;
  integer seed = 1167005317;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({p_dut, busy_dut, done_dut} !== {p_ref, busy_ref, done_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: p=%h (expected %h) busy=%h (expected %h) done=%h (expected %h)", cycle, p_dut, p_ref, busy_dut, busy_ref, done_dut, done_ref);
      end
      if (^{p_ref, busy_ref, done_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      start = (($random(seed) & 1023) < 410);
      a = $random(seed);
      b = $random(seed);
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
