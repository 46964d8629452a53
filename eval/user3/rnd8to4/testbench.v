module rnd8to4_golden (
  input  [7:0] din,
  output [3:0] dout
);
  wire [4:0] r = din[7:4] + din[3];
  assign dout = r[4] ? 4'hF : r[3:0];
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] din;
  wire [3:0] dout_dut, dout_ref;
  rnd8to4 dut (.din(din), .dout(dout_dut));
  rnd8to4_golden golden (.din(din), .dout(dout_ref));
  integer seed = 1449278802;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({dout_dut} !== {dout_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: dout=%h (expected %h)", cycle, dout_dut, dout_ref);
      end
      if (^{dout_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      din = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
      drive;
      #5;
      check;
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
