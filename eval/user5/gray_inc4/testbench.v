module gray_inc4_golden (
  input  [3:0] g,
  output [3:0] n
);
  wire [3:0] b;
  assign b[3] = g[3];
  assign b[2] = b[3] ^ g[2];
  assign b[1] = b[2] ^ g[1];
  assign b[0] = b[1] ^ g[0];
  wire [3:0] b1 = b + 4'd1;
  assign n = b1 ^ (b1 >> 1);
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] g;
  wire [3:0] n_dut, n_ref;
  gray_inc4 dut (.g(g), .n(n_dut));
  gray_inc4_golden golden (.g(g), .n(n_ref));
  integer seed = 1643334838;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({n_dut} !== {n_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: n=%h (expected %h)", cycle, n_dut, n_ref);
      end
      if (^{n_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      g = $random(seed);
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
