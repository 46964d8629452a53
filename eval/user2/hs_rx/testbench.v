module hs_rx_golden (
  input clk,
  input rst_n,
  input req,
  output reg ack,
  input [7:0] data_in,
  output reg [7:0] data_out
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      ack <= 1'b0;
      data_out <= 8'd0;
    end else if (req && !ack) begin
      ack <= 1'b1;
      data_out <= data_in;
    end else if (!req && ack) begin
      ack <= 1'b0;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg req;
  reg [7:0] data_in;
  wire ack_dut, ack_ref;
  wire [7:0] data_out_dut, data_out_ref;
  hs_rx dut (.clk(clk), .rst_n(rst_n), .req(req), .ack(ack_dut), .data_in(data_in), .data_out(data_out_dut));
  hs_rx_golden golden (.clk(clk), .rst_n(rst_n), .req(req), .ack(ack_ref), .data_in(data_in), .data_out(data_out_ref));
  always #5 clk = ~clk;
  integer seed = 865510159;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({ack_dut, data_out_dut} !== {ack_ref, data_out_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: ack=%h (expected %h) data_out=%h (expected %h)", cycle, ack_dut, ack_ref, data_out_dut, data_out_ref);
      end
      if (^{ack_ref, data_out_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 307) req = $random(seed);
      data_in = $random(seed);
    end
  endtask
  initial begin
    req = $random(seed);
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
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
