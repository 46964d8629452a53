module prio_enc8_golden (
  input [7:0] req,
  output reg [2:0] idx,
  output valid
);
  integer i;
  assign valid = |req;
  always @(*) begin
    idx = 3'd0;
    for (i = 0; i < 8; i = i + 1)
      if (req[i]) idx = i[2:0];
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] req;
  wire [2:0] idx_dut, idx_ref;
  wire valid_dut, valid_ref;
  prio_enc8 dut (.req(req), .idx(idx_dut), .valid(valid_dut));
  prio_enc8_golden golden (.req(req), .idx(idx_ref), .valid(valid_ref));
  integer seed = 1788452209;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({idx_dut, valid_dut} !== {idx_ref, valid_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: idx=%h (expected %h) valid=%h (expected %h)", cycle, idx_dut, idx_ref, valid_dut, valid_ref);
      end
      if (^{idx_ref, valid_ref} !== 1'bx) defined = defined + 1;
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
