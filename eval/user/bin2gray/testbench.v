module bin2gray_golden (
  input [3:0] bin,
  output [3:0] gray
);
  assign gray = bin ^ (bin >> 1);
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] bin;
  wire [3:0] gray_dut, gray_ref;
  bin2gray dut (.bin(bin), .gray(gray_dut));
  bin2gray_golden golden (.bin(bin), .gray(gray_ref));
  integer seed = 658978911;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({gray_dut} !== {gray_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: gray=%h (expected %h)", cycle, gray_dut, gray_ref);
      end
      if (^{gray_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      bin = $random(seed);
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
