module hamdist8_golden (
  input  [7:0] p,
  input  [7:0] q,
  output reg [3:0] d,
  output same
);
  wire [7:0] x = p ^ q;
  integer i;
  always @* begin
    d = 4'd0;
    for (i = 0; i < 8; i = i + 1)
      d = d + x[i];
  end
  assign same = (x == 8'd0);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] p;
  reg [7:0] q;
  wire [3:0] d_dut, d_ref;
  wire same_dut, same_ref;
  hamdist8 dut (.p(p), .q(q), .d(d_dut), .same(same_dut));
  hamdist8_golden golden (.p(p), .q(q), .d(d_ref), .same(same_ref));
  integer seed = 2036386990;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({d_dut, same_dut} !== {d_ref, same_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: d=%h (expected %h) same=%h (expected %h)", cycle, d_dut, d_ref, same_dut, same_ref);
      end
      if (^{d_ref, same_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      p = $random(seed);
      q = $random(seed);
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
