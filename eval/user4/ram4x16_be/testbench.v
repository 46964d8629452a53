module ram4x16_be_golden (
    input  wire        clk,
    input  wire        rst,
    input  wire        we,
    input  wire [1:0]  be,
    input  wire [1:0]  addr,
    input  wire [15:0] wdata,
    output reg  [15:0] rdata
);
    reg [15:0] mem [0:3];
    integer i;
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            for (i = 0; i < 4; i = i + 1) mem[i] <= 16'd0;
            rdata <= 16'd0;
        end else begin
            rdata <= mem[addr];
            if (we && be[0]) mem[addr][7:0]  <= wdata[7:0];
            if (we && be[1]) mem[addr][15:8] <= wdata[15:8];
        end
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg we;
  reg [1:0] be;
  reg [1:0] addr;
  reg [15:0] wdata;
  wire [15:0] rdata_dut, rdata_ref;
  ram4x16_be dut (.clk(clk), .rst(rst), .we(we), .be(be), .addr(addr), .wdata(wdata), .rdata(rdata_dut));
  ram4x16_be_golden golden (.clk(clk), .rst(rst), .we(we), .be(be), .addr(addr), .wdata(wdata), .rdata(rdata_ref));
  always #5 clk = ~clk;
  integer seed = 477659947;
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
      we = (($random(seed) & 1023) < 512);
      be = $random(seed);
      addr = $random(seed);
      wdata = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
