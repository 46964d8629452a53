module par_gen16_golden (
  input [15:0] data,
  input odd_sel,
  output parity_bit
);
  assign parity_bit = (^data) ^ odd_sel;
endmodule

`timescale 1ns/1ps
module tb;
  reg [15:0] data;
  reg odd_sel;
  wire parity_bit_dut, parity_bit_ref;
  par_gen16 dut (.data(data), .odd_sel(odd_sel), .parity_bit(parity_bit_dut));
  par_gen16_golden golden (.data(data), .odd_sel(odd_sel), .parity_bit(parity_bit_ref));
  integer seed = 879192155;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({parity_bit_dut} !== {parity_bit_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: parity_bit=%h (expected %h)", cycle, parity_bit_dut, parity_bit_ref);
      end
      if (^{parity_bit_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      data = $random(seed);
      odd_sel = $random(seed);
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
