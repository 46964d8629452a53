module bcd_xs3_golden (
    input  wire [3:0] bcd,
    output wire [3:0] xs3,
    output wire       err
);
    assign err = (bcd > 4'd9);
    assign xs3 = err ? 4'b0000 : bcd + 4'd3;
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] bcd;
  wire [3:0] xs3_dut, xs3_ref;
  wire err_dut, err_ref;
  bcd_xs3 dut (.bcd(bcd), .xs3(xs3_dut), .err(err_dut));
  bcd_xs3_golden golden (.bcd(bcd), .xs3(xs3_ref), .err(err_ref));
  integer seed = 2014419383;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({xs3_dut, err_dut} !== {xs3_ref, err_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: xs3=%h (expected %h) err=%h (expected %h)", cycle, xs3_dut, xs3_ref, err_dut, err_ref);
      end
      if (^{xs3_ref, err_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      bcd = $random(seed);
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
