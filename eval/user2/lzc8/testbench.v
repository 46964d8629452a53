module lzc8_golden (
  input [7:0] x,
  output reg [3:0] zeros
);
  always @(*) begin
    casez (x)
      8'b1???????: zeros = 4'd0;
      8'b01??????: zeros = 4'd1;
      8'b001?????: zeros = 4'd2;
      8'b0001????: zeros = 4'd3;
      8'b00001???: zeros = 4'd4;
      8'b000001??: zeros = 4'd5;
      8'b0000001?: zeros = 4'd6;
      8'b00000001: zeros = 4'd7;
      default: zeros = 4'd8;
    endcase
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] x;
  wire [3:0] zeros_dut, zeros_ref;
  lzc8 dut (.x(x), .zeros(zeros_dut));
  lzc8_golden golden (.x(x), .zeros(zeros_ref));
  integer seed = 1849320267;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({zeros_dut} !== {zeros_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: zeros=%h (expected %h)", cycle, zeros_dut, zeros_ref);
      end
      if (^{zeros_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
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
