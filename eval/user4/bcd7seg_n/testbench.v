module bcd7seg_n_golden (
    input  wire [3:0] bcd,
    input  wire       blank,
    output reg  [6:0] seg_n
);
    // seg bits: {g,f,e,d,c,b,a}, 1 = lit
    reg [6:0] seg;
    always @* begin
        case (bcd)
            4'd0: seg = 7'b0111111;
            4'd1: seg = 7'b0000110;
            4'd2: seg = 7'b1011011;
            4'd3: seg = 7'b1001111;
            4'd4: seg = 7'b1100110;
            4'd5: seg = 7'b1101101;
            4'd6: seg = 7'b1111101;
            4'd7: seg = 7'b0000111;
            4'd8: seg = 7'b1111111;
            4'd9: seg = 7'b1101111;
            default: seg = 7'b0000000;
        endcase
        seg_n = blank ? 7'b1111111 : ~seg;
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] bcd;
  reg blank;
  wire [6:0] seg_n_dut, seg_n_ref;
  bcd7seg_n dut (.bcd(bcd), .blank(blank), .seg_n(seg_n_dut));
  bcd7seg_n_golden golden (.bcd(bcd), .blank(blank), .seg_n(seg_n_ref));
  integer seed = 907203894;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({seg_n_dut} !== {seg_n_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: seg_n=%h (expected %h)", cycle, seg_n_dut, seg_n_ref);
      end
      if (^{seg_n_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      bcd = $random(seed);
      blank = (($random(seed) & 1023) < 154);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
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
