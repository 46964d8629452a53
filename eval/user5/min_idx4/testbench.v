module min_idx4_golden (
  input  [3:0] a,
  input  [3:0] b,
  input  [3:0] c,
  input  [3:0] d,
  output reg [3:0] mn,
  output reg [1:0] sel
);
  always @* begin
    mn = a; sel = 2'd0;
    if (b < mn) begin mn = b; sel = 2'd1; end
    if (c < mn) begin mn = c; sel = 2'd2; end
    if (d < mn) begin mn = d; sel = 2'd3; end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] a;
  reg [3:0] b;
  reg [3:0] c;
  reg [3:0] d;
  wire [3:0] mn_dut, mn_ref;
  wire [1:0] sel_dut, sel_ref;
  min_idx4 dut (.a(a), .b(b), .c(c), .d(d), .mn(mn_dut), .sel(sel_dut));
  min_idx4_golden golden (.a(a), .b(b), .c(c), .d(d), .mn(mn_ref), .sel(sel_ref));
  integer seed = 1696233306;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({mn_dut, sel_dut} !== {mn_ref, sel_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: mn=%h (expected %h) sel=%h (expected %h)", cycle, mn_dut, mn_ref, sel_dut, sel_ref);
      end
      if (^{mn_ref, sel_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $unsigned($random(seed)) % 8;
      b = $unsigned($random(seed)) % 8;
      c = $random(seed);
      d = $unsigned($random(seed)) % 8;
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
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
