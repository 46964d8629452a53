module prio_arb4_golden (
  input [3:0] req,
  output [3:0] gnt
);
  assign gnt = req & (~req + 4'd1);
endmodule

`timescale 1ns/1ps
module tb;
  reg [3:0] req;
  wire [3:0] gnt_dut, gnt_ref;
  prio_arb4 dut (.req(req), .gnt(gnt_dut));
  prio_arb4_golden golden (.req(req), .gnt(gnt_ref));
  integer seed = 1990213334;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({gnt_dut} !== {gnt_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: gnt=%h (expected %h)", cycle, gnt_dut, gnt_ref);
      end
      if (^{gnt_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      req = $random(seed);
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
