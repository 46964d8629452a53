module fifo4x5_golden (
  input            clk,
  input            rst_n,
  input            push,
  input            pop,
  input      [4:0] din,
  output     [4:0] dout,
  output           empty,
  output           full,
  output reg [2:0] count
);
  reg [4:0] mem [0:3];
  reg [1:0] rp, wp;
  wire do_push = push && (count != 3'd4);
  wire do_pop  = pop  && (count != 3'd0);
  assign empty = (count == 3'd0);
  assign full  = (count == 3'd4);
  assign dout  = empty ? 5'd0 : mem[rp];
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      rp <= 2'd0; wp <= 2'd0; count <= 3'd0;
    end else begin
      if (do_push) begin
        mem[wp] <= din;
        wp <= wp + 2'd1;
      end
      if (do_pop) rp <= rp + 2'd1;
      count <= count + do_push - do_pop;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg push;
  reg pop;
  reg [4:0] din;
  wire [4:0] dout_dut, dout_ref;
  wire empty_dut, empty_ref;
  wire full_dut, full_ref;
  wire [2:0] count_dut, count_ref;
  fifo4x5 dut (.clk(clk), .rst_n(rst_n), .push(push), .pop(pop), .din(din), .dout(dout_dut), .empty(empty_dut), .full(full_dut), .count(count_dut));
  fifo4x5_golden golden (.clk(clk), .rst_n(rst_n), .push(push), .pop(pop), .din(din), .dout(dout_ref), .empty(empty_ref), .full(full_ref), .count(count_ref));
  always #5 clk = ~clk;
  integer seed = 627785193;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({dout_dut, empty_dut, full_dut, count_dut} !== {dout_ref, empty_ref, full_ref, count_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: dout=%h (expected %h) empty=%h (expected %h) full=%h (expected %h) count=%h (expected %h)", cycle, dout_dut, dout_ref, empty_dut, empty_ref, full_dut, full_ref, count_dut, count_ref);
      end
      if (^{dout_ref, empty_ref, full_ref, count_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      push = (($random(seed) & 1023) < 563);
      pop = (($random(seed) & 1023) < 512);
      din = $random(seed);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 700; cycle = cycle + 1) begin
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
