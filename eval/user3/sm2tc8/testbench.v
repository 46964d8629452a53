module sm2tc8_golden (
  input  [7:0] sm,
  output [7:0] tc
);
  wire [7:0] mag = {1'b0, sm[6:0]};
  assign tc = sm[7] ? (8'd0 - mag) : mag;
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] sm;
  wire [7:0] tc_dut, tc_ref;
  sm2tc8 dut (.sm(sm), .tc(tc_dut));
  sm2tc8_golden golden (.sm(sm), .tc(tc_ref));
  integer seed = 792309536;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({tc_dut} !== {tc_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: tc=%h (expected %h)", cycle, tc_dut, tc_ref);
      end
      if (^{tc_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      sm = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 3000; cycle = cycle + 1) begin
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
