module fifo8x4_golden (
  input clk,
  input rst,
  input wr_en,
  input [7:0] din,
  input rd_en,
  output [7:0] dout,
  output full,
  output empty
);
  reg [7:0] mem [0:3];
  reg [1:0] rd_ptr, wr_ptr;
  reg [2:0] count;
  wire do_write = wr_en && !full;
  wire do_read = rd_en && !empty;
  assign full = (count == 3'd4);
  assign empty = (count == 3'd0);
  assign dout = empty ? 8'd0 : mem[rd_ptr];
  always @(posedge clk) begin
    if (rst) begin
      rd_ptr <= 2'd0;
      wr_ptr <= 2'd0;
      count <= 3'd0;
    end else begin
      if (do_write) begin
        mem[wr_ptr] <= din;
        wr_ptr <= wr_ptr + 2'd1;
      end
      if (do_read) rd_ptr <= rd_ptr + 2'd1;
      count <= count + do_write - do_read;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg wr_en;
  reg [7:0] din;
  reg rd_en;
  wire [7:0] dout_dut, dout_ref;
  wire full_dut, full_ref;
  wire empty_dut, empty_ref;
  fifo8x4 dut (.clk(clk), .rst(rst), .wr_en(wr_en), .din(din), .rd_en(rd_en), .dout(dout_dut), .full(full_dut), .empty(empty_dut));
  fifo8x4_golden golden (.clk(clk), .rst(rst), .wr_en(wr_en), .din(din), .rd_en(rd_en), .dout(dout_ref), .full(full_ref), .empty(empty_ref));
  always #5 clk = ~clk;
  integer seed = 1755596296;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({dout_dut, full_dut, empty_dut} !== {dout_ref, full_ref, empty_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: dout=%h (expected %h) full=%h (expected %h) empty=%h (expected %h)", cycle, dout_dut, dout_ref, full_dut, full_ref, empty_dut, empty_ref);
      end
      if (^{dout_ref, full_ref, empty_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      wr_en = (($random(seed) & 1023) < 512);
      din = $random(seed);
      rd_en = (($random(seed) & 1023) < 461);
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
