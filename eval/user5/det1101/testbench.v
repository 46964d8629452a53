module det1101_golden (
  input  clk,
  input  rst_n,
  input  x,
  output y
);
  localparam S0 = 3'd0, S1 = 3'd1, S11 = 3'd2, S110 = 3'd3, DET = 3'd4;
  reg [2:0] st, nx;
  assign y = (st == DET);
  always @* begin
    case (st)
      S0:   nx = x ? S1   : S0;
      S1:   nx = x ? S11  : S0;
      S11:  nx = x ? S11  : S110;
      S110: nx = x ? DET  : S0;
      DET:  nx = x ? S11  : S0;
      default: nx = S0;
    endcase
  end
  always @(posedge clk) begin
    if (!rst_n) st <= S0;
    else        st <= nx;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg x;
  wire y_dut, y_ref;
  det1101 dut (.clk(clk), .rst_n(rst_n), .x(x), .y(y_dut));
  det1101_golden golden (.clk(clk), .rst_n(rst_n), .x(x), .y(y_ref));
  always #5 clk = ~clk;
  integer seed = 870573567;
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
      x = (($random(seed) & 1023) < 768);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 2000; cycle = cycle + 1) begin
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
