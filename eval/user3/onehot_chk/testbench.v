module onehot_chk_golden (
  input  [7:0] v,
  output       ok,
  output       none
);
  assign none = (v == 8'd0);
  assign ok = !none && ((v & (v - 8'd1)) == 8'd0);
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] v;
  wire ok_dut, ok_ref;
  wire none_dut, none_ref;
  onehot_chk dut (.v(v), .ok(ok_dut), .none(none_dut));
  onehot_chk_golden golden (.v(v), .ok(ok_ref), .none(none_ref));
  integer seed = 217319471;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({ok_dut, none_dut} !== {ok_ref, none_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: ok=%h (expected %h) none=%h (expected %h)", cycle, ok_dut, ok_ref, none_dut, none_ref);
      end
      if (^{ok_ref, none_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      v = $random(seed);
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
