module ones_run_golden (
  input            clk,
  input            rst,
  input            b,
  output reg [3:0] run
);
  always @(posedge clk) begin
    if (rst)
      run <= 4'd0;
    else if (!b)
      run <= 4'd0;
    else if (run != 4'd15)
      run <= run + 4'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg b;
  wire [3:0] run_dut, run_ref;
  ones_run dut (.clk(clk), .rst(rst), .b(b), .run(run_dut));
  ones_run_golden golden (.clk(clk), .rst(rst), .b(b), .run(run_ref));
  always #5 clk = ~clk;
  integer seed = 1702641872;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({run_dut} !== {run_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: run=%h (expected %h)", cycle, run_dut, run_ref);
      end
      if (^{run_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      b = (($random(seed) & 1023) < 870);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
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
