module maj5_golden (
    input  wire [4:0] v,
    output wire       y,
    output wire [2:0] cnt
);
    assign cnt = v[0] + v[1] + v[2] + v[3] + v[4];
    assign y   = (cnt >= 3'd3);
endmodule

`timescale 1ns/1ps
module tb;
  reg [4:0] v;
  wire y_dut, y_ref;
  wire [2:0] cnt_dut, cnt_ref;
  maj5 dut (.v(v), .y(y_dut), .cnt(cnt_dut));
  maj5_golden golden (.v(v), .y(y_ref), .cnt(cnt_ref));
  integer seed = 2029968181;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut, cnt_dut} !== {y_ref, cnt_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h) cnt=%h (expected %h)", cycle, y_dut, y_ref, cnt_dut, cnt_ref);
      end
      if (^{y_ref, cnt_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      v = $random(seed);
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
