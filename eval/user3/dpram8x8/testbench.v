module dpram8x8_golden (
  input            clk,
  input            rrst,
  input            we,
  input      [2:0] wa,
  input      [7:0] wd,
  input      [2:0] ra,
  output reg [7:0] rd
);
  reg [7:0] mem [0:7];
  always @(posedge clk) begin
    if (we)
      mem[wa] <= wd;
    if (rrst)
      rd <= 8'd0;
    else
      rd <= mem[ra];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rrst;
  reg we;
  reg [2:0] wa;
  reg [7:0] wd;
  reg [2:0] ra;
  wire [7:0] rd_dut, rd_ref;
  dpram8x8 dut (.clk(clk), .rrst(rrst), .we(we), .wa(wa), .wd(wd), .ra(ra), .rd(rd_dut));
  dpram8x8_golden golden (.clk(clk), .rrst(rrst), .we(we), .wa(wa), .wd(wd), .ra(ra), .rd(rd_ref));
  always #5 clk = ~clk;
  integer seed = 2147211036;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({rd_dut} !== {rd_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: rd=%h (expected %h)", cycle, rd_dut, rd_ref);
      end
      if (^{rd_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      we = (($random(seed) & 1023) < 512);
      wa = $random(seed);
      wd = $random(seed);
      ra = $random(seed);
    end
  endtask
  initial begin
    rrst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rrst = 1'b0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rrst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (rrst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
