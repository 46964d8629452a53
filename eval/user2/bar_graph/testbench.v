module bar_graph_golden (
  input [2:0] level,
  output [6:0] leds
);
  assign leds = ~(7'b1111111 << level);
endmodule

`timescale 1ns/1ps
module tb;
  reg [2:0] level;
  wire [6:0] leds_dut, leds_ref;
  bar_graph dut (.level(level), .leds(leds_dut));
  bar_graph_golden golden (.level(level), .leds(leds_ref));
  integer seed = 573764228;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({leds_dut} !== {leds_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: leds=%h (expected %h)", cycle, leds_dut, leds_ref);
      end
      if (^{leds_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      level = $random(seed);
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
