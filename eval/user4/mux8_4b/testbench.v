module mux8_4b_golden (
  input  [3:0] d0, d1, d2, d3, d4, d5, d6, d7,
  input  [2:0] sel,
  input        en_n,
  output reg [3:0] y
);
    always @* begin
        if (en_n)
            y = 4'b0000;
        else
            case (sel)
                3'd0: y = d0;
                3'd1: y = d1;
                3'd2: y = d2;
                3'd3: y = d3;
                3'd4: y = d4;
                3'd5: y = d5;
                3'd6: y = d6;
                default: y = d7;
            endcase
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] d0;
  reg [3:0] d1;
  reg [3:0] d2;
  reg [3:0] d3;
  reg [3:0] d4;
  reg [3:0] d5;
  reg [3:0] d6;
  reg [3:0] d7;
  reg [2:0] sel;
  reg en_n;
  wire [3:0] y_dut, y_ref;
  mux8_4b dut (.d0(d0), .d1(d1), .d2(d2), .d3(d3), .d4(d4), .d5(d5), .d6(d6), .d7(d7), .sel(sel), .en_n(en_n), .y(y_dut));
  mux8_4b_golden golden (.d0(d0), .d1(d1), .d2(d2), .d3(d3), .d4(d4), .d5(d5), .d6(d6), .d7(d7), .sel(sel), .en_n(en_n), .y(y_ref));
  integer seed = 379169404;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut} !== {y_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h)", cycle, y_dut, y_ref);
      end
      if (^{y_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d0 = $random(seed);
      d1 = $random(seed);
      d2 = $random(seed);
      d3 = $random(seed);
      d4 = $random(seed);
      d5 = $random(seed);
      d6 = $random(seed);
      d7 = $random(seed);
      sel = $random(seed);
      en_n = (($random(seed) & 1023) < 256);
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
