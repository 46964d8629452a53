module fifo3x6_golden (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire [5:0] din,
    input  wire       rd,
    output wire [5:0] dout,
    output wire       full,
    output wire       empty,
    output reg  [1:0] count
);
    reg [5:0] m0, m1, m2;   // m0 is the oldest
    assign full  = (count == 2'd3);
    assign empty = (count == 2'd0);
    assign dout  = empty ? 6'd0 : m0;
    wire do_wr = wr && !full;
    wire do_rd = rd && !empty;
    always @(posedge clk) begin
        if (rst) begin
            count <= 2'd0;
            m0 <= 6'd0; m1 <= 6'd0; m2 <= 6'd0;
        end else begin
            if (do_rd) begin
                m0 <= m1;
                m1 <= m2;
            end
            if (do_wr) begin
                case (do_rd ? count - 2'd1 : count)
                    2'd0: m0 <= din;
                    2'd1: m1 <= din;
                    default: m2 <= din;
                endcase
            end
            count <= count + (do_wr ? 2'd1 : 2'd0) - (do_rd ? 2'd1 : 2'd0);
        end
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg wr;
  reg [5:0] din;
  reg rd;
  wire [5:0] dout_dut, dout_ref;
  wire full_dut, full_ref;
  wire empty_dut, empty_ref;
  wire [1:0] count_dut, count_ref;
  fifo3x6 dut (.clk(clk), .rst(rst), .wr(wr), .din(din), .rd(rd), .dout(dout_dut), .full(full_dut), .empty(empty_dut), .count(count_dut));
  fifo3x6_golden golden (.clk(clk), .rst(rst), .wr(wr), .din(din), .rd(rd), .dout(dout_ref), .full(full_ref), .empty(empty_ref), .count(count_ref));
  always #5 clk = ~clk;
  integer seed = 792523681;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({dout_dut, full_dut, empty_dut, count_dut} !== {dout_ref, full_ref, empty_ref, count_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: dout=%h (expected %h) full=%h (expected %h) empty=%h (expected %h) count=%h (expected %h)", cycle, dout_dut, dout_ref, full_dut, full_ref, empty_dut, empty_ref, count_dut, count_ref);
      end
      if (^{dout_ref, full_ref, empty_ref, count_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      wr = (($random(seed) & 1023) < 563);
      din = $random(seed);
      rd = (($random(seed) & 1023) < 461);
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
