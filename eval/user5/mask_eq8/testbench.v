module mask_eq8_golden (
  input  [7:0] a,
  input  [7:0] b,
  input  [7:0] m,
  output hit
);
  assign hit = ~|((a ^ b) & m);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] a;
  reg [7:0] b;
  reg [7:0] m;
  wire hit_dut, hit_ref;
  mask_eq8 dut (.a(a), .b(b), .m(m), .hit(hit_dut));
  mask_eq8_golden golden (.a(a), .b(b), .m(m), .hit(hit_ref));
  integer seed = 1575427277;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({hit_dut} !== {hit_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: hit=%h (expected %h)", cycle, hit_dut, hit_ref);
      end
      if (^{hit_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      a = $random(seed);
      b = $random(seed);
      m = $random(seed);
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
