module tapdly4_golden (
    input  wire       clk,
    input  wire       srst_n,
    input  wire [3:0] d,
    input  wire [1:0] tap,
    output reg  [3:0] q
);
    reg [3:0] s0, s1, s2, s3;
    always @(posedge clk) begin
        if (!srst_n) begin
            s0 <= 4'd0; s1 <= 4'd0; s2 <= 4'd0; s3 <= 4'd0;
        end else begin
            s0 <= d; s1 <= s0; s2 <= s1; s3 <= s2;
        end
    end
    always @* begin
        case (tap)
            2'd0: q = s0;
            2'd1: q = s1;
            2'd2: q = s2;
            default: q = s3;
        endcase
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg srst_n;
  reg [3:0] d;
  reg [1:0] tap;
  wire [3:0] q_dut, q_ref;
  tapdly4 dut (.clk(clk), .srst_n(srst_n), .d(d), .tap(tap), .q(q_dut));
  tapdly4_golden golden (.clk(clk), .srst_n(srst_n), .d(d), .tap(tap), .q(q_ref));
  always #5 clk = ~clk;
  integer seed = 1209802600;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({q_dut} !== {q_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: q=%h (expected %h)", cycle, q_dut, q_ref);
      end
      if (^{q_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      d = $random(seed);
      if (($random(seed) & 1023) < 154) tap = $random(seed);
    end
  endtask
  initial begin
    tap = $random(seed);
    srst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    srst_n = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      srst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (srst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
