module nib_sel16_golden (
  input  [15:0] w,
  input  [1:0]  i,
  output reg [3:0] n
);
  always @* begin
    case (i)
      2'd0: n = w[15:12];
      2'd1: n = w[11:8];
      2'd2: n = w[7:4];
      default: n = w[3:0];
    endcase
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [15:0] w;
  reg [1:0] i;
  wire [3:0] n_dut, n_ref;
  nib_sel16 dut (.w(w), .i(i), .n(n_dut));
  nib_sel16_golden golden (.w(w), .i(i), .n(n_ref));
  integer seed = 1183034249;
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
      w = $random(seed);
      i = $random(seed);
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
