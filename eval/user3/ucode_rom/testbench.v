module ucode_rom_golden (
  input            clk,
  input            srst_n,
  input            en,
  input      [2:0] addr,
  output reg [7:0] data
);
  always @(posedge clk) begin
    if (!srst_n)
      data <= 8'h00;
    else if (en) begin
      case (addr)
        3'd0: data <= 8'h3C;
        3'd1: data <= 8'hA5;
        3'd2: data <= 8'h00;
        3'd3: data <= 8'hFF;
        3'd4: data <= 8'h81;
        3'd5: data <= 8'h7E;
        3'd6: data <= 8'h12;
        default: data <= 8'hC9;
      endcase
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg srst_n;
  reg en;
  reg [2:0] addr;
  wire [7:0] data_dut, data_ref;
  ucode_rom dut (.clk(clk), .srst_n(srst_n), .en(en), .addr(addr), .data(data_dut));
  ucode_rom_golden golden (.clk(clk), .srst_n(srst_n), .en(en), .addr(addr), .data(data_ref));
  always #5 clk = ~clk;
  integer seed = 1471647368;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({data_dut} !== {data_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: data=%h (expected %h)", cycle, data_dut, data_ref);
      end
      if (^{data_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 717);
      addr = $random(seed);
    end
  endtask
  initial begin
    srst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    srst_n = 1'b1;
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      srst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (srst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
