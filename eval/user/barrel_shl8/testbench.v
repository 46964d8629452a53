module barrel_shl8_golden (
  input [7:0] d,
  input [2:0] amt,
  output [7:0] y
);
  assign y = d << amt;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] d;
  reg [2:0] amt;
  wire [7:0] y_dut, y_ref;
  barrel_shl8 dut (.d(d), .amt(amt), .y(y_dut));
  barrel_shl8_golden golden (.d(d), .amt(amt), .y(y_ref));
  integer seed = 224681742;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut} !== {y_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h)", cycle, y_dut, y_ref);
      end
      if (^{y_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d = $random(seed);
      amt = $random(seed);
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
