module seq1011_golden (
  input  clk,
  input  rst_n,
  input  x,
  output z
);
  localparam S0 = 2'd0, S1 = 2'd1, S10 = 2'd2, S101 = 2'd3;
  reg [1:0] st, nx;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) st <= S0;
    else        st <= nx;
  end
  always @(*) begin
    case (st)
      S0:      nx = x ? S1 : S0;
      S1:      nx = x ? S1 : S10;
      S10:     nx = x ? S101 : S0;
      default: nx = x ? S1 : S10;
    endcase
  end
  assign z = (st == S101) && x;
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg x;
  wire z_dut, z_ref;
  seq1011 dut (.clk(clk), .rst_n(rst_n), .x(x), .z(z_dut));
  seq1011_golden golden (.clk(clk), .rst_n(rst_n), .x(x), .z(z_ref));
  always #5 clk = ~clk;
  integer seed = 728236387;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({z_dut} !== {z_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: z=%h (expected %h)", cycle, z_dut, z_ref);
      end
      if (^{z_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
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
