module popcount8_golden (
  input [7:0] d,
  output reg [3:0] count
);
  integer i;
  always @(*) begin
    count = 4'd0;
    for (i = 0; i < 8; i = i + 1)
      count = count + d[i];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] d;
  wire [3:0] count_dut, count_ref;
  popcount8 dut (.d(d), .count(count_dut));
  popcount8_golden golden (.d(d), .count(count_ref));
  integer seed = 1249210384;
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
      d = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
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
