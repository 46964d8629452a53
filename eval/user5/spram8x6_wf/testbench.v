module spram8x6_wf_golden (
  input            clk,
  input            rst_n,
  input            we,
  input      [2:0] addr,
  input      [5:0] wdata,
  output reg [5:0] rdata
);
  reg [5:0] mem [0:7];
  always @(posedge clk) begin
    if (!rst_n)
      rdata <= 6'd0;
    else if (we) begin
      mem[addr] <= wdata;
      rdata <= wdata;
    end else
      rdata <= mem[addr];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg we;
  reg [2:0] addr;
  reg [5:0] wdata;
  wire [5:0] rdata_dut, rdata_ref;
  spram8x6_wf dut (.clk(clk), .rst_n(rst_n), .we(we), .addr(addr), .wdata(wdata), .rdata(rdata_dut));
  spram8x6_wf_golden golden (.clk(clk), .rst_n(rst_n), .we(we), .addr(addr), .wdata(wdata), .rdata(rdata_ref));
  always #5 clk = ~clk;
  integer seed = 1878510546;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({rdata_dut} !== {rdata_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: rdata=%h (expected %h)", cycle, rdata_dut, rdata_ref);
      end
      if (^{rdata_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      we = (($random(seed) & 1023) < 410);
      addr = $random(seed);
      wdata = $random(seed);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (rst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
