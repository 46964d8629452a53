module find0110_golden (
  input  clk,
  input  rst,
  input  din,
  output found
);
  localparam IDLE = 3'd0, G0 = 3'd1, G01 = 3'd2, G011 = 3'd3, HIT = 3'd4;
  reg [2:0] st;
  always @(posedge clk) begin
    if (rst)
      st <= IDLE;
    else case (st)
      IDLE:    st <= din ? IDLE : G0;
      G0:      st <= din ? G01 : G0;
      G01:     st <= din ? G011 : G0;
      G011:    st <= din ? IDLE : HIT;
      default: st <= din ? IDLE : G0;
    endcase
  end
  assign found = (st == HIT);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg din;
  wire found_dut, found_ref;
  find0110 dut (.clk(clk), .rst(rst), .din(din), .found(found_dut));
  find0110_golden golden (.clk(clk), .rst(rst), .din(din), .found(found_ref));
  always #5 clk = ~clk;
  integer seed = 1304845187;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({found_dut} !== {found_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: found=%h (expected %h)", cycle, found_dut, found_ref);
      end
      if (^{found_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      din = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
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
