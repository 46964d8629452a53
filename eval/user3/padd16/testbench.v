module padd16_golden (
  input             clk,
  input             srst,
  input      [15:0] a,
  input      [15:0] b,
  input             vin,
  output reg [16:0] s,
  output reg        vout
);
  reg [15:0] a_r, b_r;
  reg        v_r;
  always @(posedge clk) begin
    a_r <= a;
    b_r <= b;
    s   <= a_r + b_r;
  end
  always @(posedge clk) begin
    if (srst) begin
      v_r  <= 1'b0;
      vout <= 1'b0;
    end else begin
      v_r  <= vin;
      vout <= v_r;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg srst;
  reg [15:0] a;
  reg [15:0] b;
  reg vin;
  wire [16:0] s_dut, s_ref;
  wire vout_dut, vout_ref;
  padd16 dut (.clk(clk), .srst(srst), .a(a), .b(b), .vin(vin), .s(s_dut), .vout(vout_dut));
  padd16_golden golden (.clk(clk), .srst(srst), .a(a), .b(b), .vin(vin), .s(s_ref), .vout(vout_ref));
  always #5 clk = ~clk;
  integer seed = 597200720;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({s_dut, vout_dut} !== {s_ref, vout_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: s=%h (expected %h) vout=%h (expected %h)", cycle, s_dut, s_ref, vout_dut, vout_ref);
      end
      if (^{s_ref, vout_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
      vin = $random(seed);
    end
  endtask
  initial begin
    srst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    srst = 1'b0;
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      srst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (srst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
