module rr_arb2_golden (
  input clk,
  input rst,
  input [1:0] req,
  output reg [1:0] gnt
);
  reg last;
  always @(*) begin
    case (req)
      2'b01: gnt = 2'b01;
      2'b10: gnt = 2'b10;
      2'b11: gnt = last ? 2'b01 : 2'b10;
      default: gnt = 2'b00;
    endcase
  end
  always @(posedge clk) begin
    if (rst) last <= 1'b1;
    else if (gnt != 2'b00) last <= gnt[1];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg [1:0] req;
  wire [1:0] gnt_dut, gnt_ref;
  rr_arb2 dut (.clk(clk), .rst(rst), .req(req), .gnt(gnt_dut));
  rr_arb2_golden golden (.clk(clk), .rst(rst), .req(req), .gnt(gnt_ref));
  always #5 clk = ~clk;
  integer seed = 301497486;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({gnt_dut} !== {gnt_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: gnt=%h (expected %h)", cycle, gnt_dut, gnt_ref);
      end
      if (^{gnt_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      req = $random(seed);
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
