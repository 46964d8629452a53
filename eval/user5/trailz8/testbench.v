module trailz8_golden (
  input  [7:0] x,
  output reg [3:0] n,
  output z
);
  integer i;
  assign z = (x == 8'd0);
  always @* begin
    n = 4'd8;
    for (i = 7; i >= 0; i = i - 1)
      if (x[i]) n = i;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] x;
  wire [3:0] n_dut, n_ref;
  wire z_dut, z_ref;
  trailz8 dut (.x(x), .n(n_dut), .z(z_dut));
  trailz8_golden golden (.x(x), .n(n_ref), .z(z_ref));
  integer seed = 724072915;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({n_dut, z_dut} !== {n_ref, z_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: n=%h (expected %h) z=%h (expected %h)", cycle, n_dut, n_ref, z_dut, z_ref);
      end
      if (^{n_ref, z_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
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
