module sign_ext_golden (
  input [11:0] in_val,
  output [31:0] out_val
);
  assign out_val = {{20{in_val[11]}}, in_val};
endmodule

`timescale 1ns/1ps
module tb;
  reg [11:0] in_val;
  wire [31:0] out_val_dut, out_val_ref;
  sign_ext dut (.in_val(in_val), .out_val(out_val_dut));
  sign_ext_golden golden (.in_val(in_val), .out_val(out_val_ref));
  integer seed = 1071944847;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({out_val_dut} !== {out_val_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: out_val=%h (expected %h)", cycle, out_val_dut, out_val_ref);
      end
      if (^{out_val_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      in_val = $random(seed);
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
