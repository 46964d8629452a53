module det011_m_golden (
  input  clk,
  input  rst,
  input  v,
  input  x,
  output y
);
  localparam S0 = 2'd0, S0x = 2'd1, S01 = 2'd2;
  reg [1:0] st;
  assign y = (st == S01) && x;
  always @(posedge clk or posedge rst) begin
    if (rst) st <= S0;
    else if (v) begin
      case (st)
        S0:  st <= x ? S0  : S0x;
        S0x: st <= x ? S01 : S0x;
        S01: st <= x ? S0  : S0x;
        default: st <= S0;
      endcase
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg v;
  reg x;
  wire y_dut, y_ref;
  det011_m dut (.clk(clk), .rst(rst), .v(v), .x(x), .y(y_dut));
  det011_m_golden golden (.clk(clk), .rst(rst), .v(v), .x(x), .y(y_ref));
  always #5 clk = ~clk;
  integer seed = 57021669;
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
      v = (($random(seed) & 1023) < 512);
      x = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 1500; cycle = cycle + 1) begin
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
