module bcd2bin_golden (
  input [3:0] tens,
  input [3:0] ones,
  output [6:0] value
);
  assign value = tens * 7'd10 + ones;
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] tens;
  reg [3:0] ones;
  wire [6:0] value_dut, value_ref;
  bcd2bin dut (.tens(tens), .ones(ones), .value(value_dut));
  bcd2bin_golden golden (.tens(tens), .ones(ones), .value(value_ref));
  integer seed = 846895096;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({value_dut} !== {value_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: value=%h (expected %h)", cycle, value_dut, value_ref);
      end
      if (^{value_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      tens = $unsigned($random(seed)) % 10;
      ones = $unsigned($random(seed)) % 10;
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
