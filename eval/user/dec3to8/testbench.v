module dec3to8_golden (
  input [2:0] a,
  input en,
  output [7:0] y
);
  assign y = en ? (8'b1 << a) : 8'b0;
endmodule

`timescale 1ns/1ps
module tb;
  reg [2:0] a;
  reg en;
  wire [7:0] y_dut, y_ref;
  dec3to8 dut (.a(a), .en(en), .y(y_dut));
  dec3to8_golden golden (.a(a), .en(en), .y(y_ref));
  integer seed = 2083885048;
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
      a = $random(seed);
      en = $random(seed);
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
