module asr8_golden (
  input [7:0] din,
  input [2:0] shamt,
  output [7:0] dout
);
  assign dout = $signed(din) >>> shamt;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] din;
  reg [2:0] shamt;
  wire [7:0] dout_dut, dout_ref;
  asr8 dut (.din(din), .shamt(shamt), .dout(dout_dut));
  asr8_golden golden (.din(din), .shamt(shamt), .dout(dout_ref));
  integer seed = 106082325;
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
      shamt = $random(seed);
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
