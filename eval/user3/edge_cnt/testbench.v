module edge_cnt_golden (
  input            clk,
  input            arst_n,
  input            clr,
  input            sig,
  output reg [7:0] count
);
  reg prev;
  always @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      prev  <= 1'b0;
      count <= 8'd0;
    end else begin
      prev <= sig;
      if (clr)
        count <= 8'd0;
      else if (sig && !prev)
        count <= count + 8'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg arst_n;
  reg clr;
  reg sig;
  wire [7:0] count_dut, count_ref;
  edge_cnt dut (.clk(clk), .arst_n(arst_n), .clr(clr), .sig(sig), .count(count_dut));
  edge_cnt_golden golden (.clk(clk), .arst_n(arst_n), .clr(clr), .sig(sig), .count(count_ref));
  always #5 clk = ~clk;
  integer seed = 1424249602;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({count_dut} !== {count_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: count=%h (expected %h)", cycle, count_dut, count_ref);
      end
      if (^{count_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      clr = (($random(seed) & 1023) < 31);
      sig = $random(seed);
    end
  endtask
  initial begin
    arst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    arst_n = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      arst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (arst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
