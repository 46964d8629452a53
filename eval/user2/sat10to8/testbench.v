module sat10to8_golden (
  input signed [9:0] wide,
  output reg signed [7:0] narrow
);
  always @(*) begin
    if (wide > 10'sd127) narrow = 8'sd127;
    else if (wide < -10'sd128) narrow = -8'sd128;
    else narrow = wide[7:0];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg signed [9:0] wide;
  wire signed [7:0] narrow_dut, narrow_ref;
  sat10to8 dut (.wide(wide), .narrow(narrow_dut));
  sat10to8_golden golden (.wide(wide), .narrow(narrow_ref));
  integer seed = 886615412;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({narrow_dut} !== {narrow_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: narrow=%h (expected %h)", cycle, narrow_dut, narrow_ref);
      end
      if (^{narrow_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      wide = $random(seed);
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
