module moving_sum4_golden (
  input        clk,
  input        rst,
  input  [7:0] x,
  output [9:0] y
);
  reg [7:0] h0, h1, h2, h3;
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      h0 <= 8'd0; h1 <= 8'd0; h2 <= 8'd0; h3 <= 8'd0;
    end else begin
      h0 <= x; h1 <= h0; h2 <= h1; h3 <= h2;
    end
  end
  assign y = h0 + h1 + h2 + h3;
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg [7:0] x;
  wire [9:0] y_dut, y_ref;
  moving_sum4 dut (.clk(clk), .rst(rst), .x(x), .y(y_dut));
  moving_sum4_golden golden (.clk(clk), .rst(rst), .x(x), .y(y_ref));
  always #5 clk = ~clk;
  integer seed = 441857157;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut} !== {y_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h)", cycle, y_dut, y_ref);
      end
      if (^{y_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
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
