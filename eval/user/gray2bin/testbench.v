module gray2bin_golden (
  input [3:0] gray,
  output [3:0] bin
);
  assign bin[3] = gray[3];
  assign bin[2] = bin[3] ^ gray[2];
  assign bin[1] = bin[2] ^ gray[1];
  assign bin[0] = bin[1] ^ gray[0];
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] gray;
  wire [3:0] bin_dut, bin_ref;
  gray2bin dut (.gray(gray), .bin(bin_dut));
  gray2bin_golden golden (.gray(gray), .bin(bin_ref));
  integer seed = 1354421960;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({bin_dut} !== {bin_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: bin=%h (expected %h)", cycle, bin_dut, bin_ref);
      end
      if (^{bin_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      gray = $random(seed);
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
