module avg_up8_golden (
  input  [7:0] u,
  input  [7:0] v,
  output [7:0] avg
);
  wire [8:0] s = {1'b0, u} + {1'b0, v} + 9'd1;
  assign avg = s[8:1];
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] u;
  reg [7:0] v;
  wire [7:0] avg_dut, avg_ref;
  avg_up8 dut (.u(u), .v(v), .avg(avg_dut));
  avg_up8_golden golden (.u(u), .v(v), .avg(avg_ref));
  integer seed = 737192140;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({avg_dut} !== {avg_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: avg=%h (expected %h)", cycle, avg_dut, avg_ref);
      end
      if (^{avg_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      u = $random(seed);
      v = $random(seed);
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
