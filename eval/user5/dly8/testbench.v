module dly8_golden (
  input            clk,
  input            rst,
  input            en,
  input      [7:0] din,
  output reg [7:0] dout
);
  reg [7:0] mem [0:7];
  reg [2:0] wp;
  always @(posedge clk) begin
    if (rst) begin
      wp   <= 3'd0;
      dout <= 8'd0;
    end else if (en) begin
      dout    <= mem[wp];
      mem[wp] <= din;
      wp      <= wp + 3'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg en;
  reg [7:0] din;
  wire [7:0] dout_dut, dout_ref;
  dly8 dut (.clk(clk), .rst(rst), .en(en), .din(din), .dout(dout_dut));
  dly8_golden golden (.clk(clk), .rst(rst), .en(en), .din(din), .dout(dout_ref));
  always #5 clk = ~clk;
  integer seed = 1200226919;
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
      en = (($random(seed) & 1023) < 870);
      din = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (rst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
