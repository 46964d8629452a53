module cfg_rom16_golden (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire [3:0] addr,
    output reg  [7:0] dout
);
    reg [7:0] rom_q;
    always @* begin
        case (addr)
            4'h0: rom_q = 8'h3C;  4'h1: rom_q = 8'h7E;  4'h2: rom_q = 8'h81;  4'h3: rom_q = 8'hA5;
            4'h4: rom_q = 8'h00;  4'h5: rom_q = 8'hFF;  4'h6: rom_q = 8'h18;  4'h7: rom_q = 8'h24;
            4'h8: rom_q = 8'h42;  4'h9: rom_q = 8'h99;  4'hA: rom_q = 8'hC3;  4'hB: rom_q = 8'h5A;
            4'hC: rom_q = 8'h0F;  4'hD: rom_q = 8'hF0;  4'hE: rom_q = 8'h66;  default: rom_q = 8'hE7;
        endcase
    end
    always @(posedge clk) begin
        if (rst)
            dout <= 8'h00;
        else if (en)
            dout <= rom_q;
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg en;
  reg [3:0] addr;
  wire [7:0] dout_dut, dout_ref;
  cfg_rom16 dut (.clk(clk), .rst(rst), .en(en), .addr(addr), .dout(dout_dut));
  cfg_rom16_golden golden (.clk(clk), .rst(rst), .en(en), .addr(addr), .dout(dout_ref));
  always #5 clk = ~clk;
  integer seed = 1267294873;
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
      en = (($random(seed) & 1023) < 717);
      addr = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
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
