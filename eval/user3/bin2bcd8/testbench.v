module bin2bcd8_golden (
  input  [7:0] bin,
  output [1:0] hund,
  output [3:0] tens,
  output [3:0] ones
);
  assign hund = bin / 8'd100;
  assign tens = (bin / 8'd10) % 8'd10;
  assign ones = bin % 8'd10;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] bin;
  wire [1:0] hund_dut, hund_ref;
  wire [3:0] tens_dut, tens_ref;
  wire [3:0] ones_dut, ones_ref;
  bin2bcd8 dut (.bin(bin), .hund(hund_dut), .tens(tens_dut), .ones(ones_dut));
  bin2bcd8_golden golden (.bin(bin), .hund(hund_ref), .tens(tens_ref), .ones(ones_ref));
  integer seed = 424574509;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({hund_dut, tens_dut, ones_dut} !== {hund_ref, tens_ref, ones_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: hund=%h (expected %h) tens=%h (expected %h) ones=%h (expected %h)", cycle, hund_dut, hund_ref, tens_dut, tens_ref, ones_dut, ones_ref);
      end
      if (^{hund_ref, tens_ref, ones_ref} !== 1'bx) defined = defined + 1;
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
