module crc8_ser_golden (
  input            clk,
  input            init,
  input            en,
  input            d,
  output reg [7:0] crc
);
  wire fb = crc[7] ^ d;
  always @(posedge clk) begin
    if (init)
      crc <= 8'hFF;
    else if (en)
      crc <= {crc[6:0], 1'b0} ^ (fb ? 8'h07 : 8'h00);
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg init;
  reg en;
  reg d;
  wire [7:0] crc_dut, crc_ref;
  crc8_ser dut (.clk(clk), .init(init), .en(en), .d(d), .crc(crc_dut));
  crc8_ser_golden golden (.clk(clk), .init(init), .en(en), .d(d), .crc(crc_ref));
  always #5 clk = ~clk;
  integer seed = 1760977198;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({crc_dut} !== {crc_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: crc=%h (expected %h)", cycle, crc_dut, crc_ref);
      end
      if (^{crc_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 819);
      d = $random(seed);
    end
  endtask
  initial begin
    init = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    init = 1'b0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      init = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (init === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
