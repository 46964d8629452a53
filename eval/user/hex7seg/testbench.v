module hex7seg_golden (
  input [3:0] hex,
  output reg [6:0] seg
);
  always @(*) begin
    case (hex)
      4'h0: seg = 7'h3F;
      4'h1: seg = 7'h06;
      4'h2: seg = 7'h5B;
      4'h3: seg = 7'h4F;
      4'h4: seg = 7'h66;
      4'h5: seg = 7'h6D;
      4'h6: seg = 7'h7D;
      4'h7: seg = 7'h07;
      4'h8: seg = 7'h7F;
      4'h9: seg = 7'h6F;
      4'hA: seg = 7'h77;
      4'hB: seg = 7'h7C;
      4'hC: seg = 7'h39;
      4'hD: seg = 7'h5E;
      4'hE: seg = 7'h79;
      default: seg = 7'h71;
    endcase
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] hex;
  wire [6:0] seg_dut, seg_ref;
  hex7seg dut (.hex(hex), .seg(seg_dut));
  hex7seg_golden golden (.hex(hex), .seg(seg_ref));
  integer seed = 1273080292;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({seg_dut} !== {seg_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: seg=%h (expected %h)", cycle, seg_dut, seg_ref);
      end
      if (^{seg_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      hex = $random(seed);
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
