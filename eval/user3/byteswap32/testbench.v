module byteswap32_golden (
  input  [31:0] din,
  input         swap,
  output [31:0] dout
);
  assign dout = swap ? {din[7:0], din[15:8], din[23:16], din[31:24]} : din;
endmodule

`timescale 1ns/1ps
module tb;
  reg [31:0] din;
  reg swap;
  wire [31:0] dout_dut, dout_ref;
  byteswap32 dut (.din(din), .swap(swap), .dout(dout_dut));
  byteswap32_golden golden (.din(din), .swap(swap), .dout(dout_ref));
  integer seed = 169202952;
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
      swap = $random(seed);
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
