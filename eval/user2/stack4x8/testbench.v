module stack4x8_golden (
  input clk,
  input rst,
  input push,
  input pop,
  input [7:0] din,
  output [7:0] top,
  output empty,
  output full
);
  reg [7:0] mem [0:3];
  reg [2:0] sp;
  assign empty = (sp == 3'd0);
  assign full = (sp == 3'd4);
  assign top = empty ? 8'd0 : mem[sp - 3'd1];
  always @(posedge clk) begin
    if (rst) sp <= 3'd0;
    else if (push && !full) begin
      mem[sp[1:0]] <= din;
      sp <= sp + 3'd1;
    end else if (pop && !empty) begin
      sp <= sp - 3'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg push;
  reg pop;
  reg [7:0] din;
  wire [7:0] top_dut, top_ref;
  wire empty_dut, empty_ref;
  wire full_dut, full_ref;
  stack4x8 dut (.clk(clk), .rst(rst), .push(push), .pop(pop), .din(din), .top(top_dut), .empty(empty_dut), .full(full_dut));
  stack4x8_golden golden (.clk(clk), .rst(rst), .push(push), .pop(pop), .din(din), .top(top_ref), .empty(empty_ref), .full(full_ref));
  always #5 clk = ~clk;
  integer seed = 1570276612;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({top_dut, empty_dut, full_dut} !== {top_ref, empty_ref, full_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: top=%h (expected %h) empty=%h (expected %h) full=%h (expected %h)", cycle, top_dut, top_ref, empty_dut, empty_ref, full_dut, full_ref);
      end
      if (^{top_ref, empty_ref, full_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      push = (($random(seed) & 1023) < 461);
      pop = (($random(seed) & 1023) < 512);
      din = $random(seed);
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
