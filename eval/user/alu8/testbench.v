module alu8_golden (
  input [7:0] a,
  input [7:0] b,
  input [1:0] op,
  output reg [7:0] y,
  output zero
);
  always @(*) begin
    case (op)
      2'b00: y = a + b;
      2'b01: y = a - b;
      2'b10: y = a & b;
      default: y = a | b;
    endcase
  end
  assign zero = (y == 8'd0);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] a;
  reg [7:0] b;
  reg [1:0] op;
  wire [7:0] y_dut, y_ref;
  wire zero_dut, zero_ref;
  alu8 dut (.a(a), .b(b), .op(op), .y(y_dut), .zero(zero_dut));
  alu8_golden golden (.a(a), .b(b), .op(op), .y(y_ref), .zero(zero_ref));
  integer seed = 944156428;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut, zero_dut} !== {y_ref, zero_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h) zero=%h (expected %h)", cycle, y_dut, y_ref, zero_dut, zero_ref);
      end
      if (^{y_ref, zero_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
      op = $random(seed);
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
