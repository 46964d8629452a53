module piso8_golden (
  input clk,
  input rst,
  input load,
  input [7:0] d,
  output sout
);
  reg [7:0] sr;
  assign sout = sr[7];
  always @(posedge clk) begin
    if (rst) sr <= 8'd0;
    else if (load) sr <= d;
    else sr <= {sr[6:0], 1'b0};
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg load;
  reg [7:0] d;
  wire sout_dut, sout_ref;
  piso8 dut (.clk(clk), .rst(rst), .load(load), .d(d), .sout(sout_dut));
  piso8_golden golden (.clk(clk), .rst(rst), .load(load), .d(d), .sout(sout_ref));
  always #5 clk = ~clk;
  integer seed = 1068105262;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({sout_dut} !== {sout_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: sout=%h (expected %h)", cycle, sout_dut, sout_ref);
      end
      if (^{sout_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      load = (($random(seed) & 1023) < 154);
      d = $random(seed);
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
