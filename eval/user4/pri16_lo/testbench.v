module pri16_lo_golden (
    input  wire [15:0] req,
    output reg  [3:0]  idx,
    output wire [15:0] gnt,
    output wire        valid
);
    integer i;
    always @* begin
        idx = 4'd0;
        for (i = 15; i >= 0; i = i - 1)
            if (req[i]) idx = i[3:0];
    end
    assign valid = |req;
    assign gnt   = req & (~req + 16'd1);
endmodule

`timescale 1ns/1ps
module tb;
  reg [15:0] req;
  wire [3:0] idx_dut, idx_ref;
  wire [15:0] gnt_dut, gnt_ref;
  wire valid_dut, valid_ref;
  pri16_lo dut (.req(req), .idx(idx_dut), .gnt(gnt_dut), .valid(valid_dut));
  pri16_lo_golden golden (.req(req), .idx(idx_ref), .gnt(gnt_ref), .valid(valid_ref));
  integer seed = 1855824423;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({idx_dut, gnt_dut, valid_dut} !== {idx_ref, gnt_ref, valid_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: idx=%h (expected %h) gnt=%h (expected %h) valid=%h (expected %h)", cycle, idx_dut, idx_ref, gnt_dut, gnt_ref, valid_dut, valid_ref);
      end
      if (^{idx_ref, gnt_ref, valid_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      req = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 300; cycle = cycle + 1) begin
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
