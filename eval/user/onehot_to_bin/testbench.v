module onehot_to_bin_golden (
  input [7:0] oh,
  output [2:0] bin
);
  assign bin[0] = oh[1] | oh[3] | oh[5] | oh[7];
  assign bin[1] = oh[2] | oh[3] | oh[6] | oh[7];
  assign bin[2] = oh[4] | oh[5] | oh[6] | oh[7];
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] oh;
  wire [2:0] bin_dut, bin_ref;
  onehot_to_bin dut (.oh(oh), .bin(bin_dut));
  onehot_to_bin_golden golden (.oh(oh), .bin(bin_ref));
  integer seed = 1695843527;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({bin_dut} !== {bin_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: bin=%h (expected %h)", cycle, bin_dut, bin_ref);
      end
      if (^{bin_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      oh = $random(seed);
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
