module lowbit8_golden (
  input  [7:0] v,
  output [7:0] m,
  output reg [2:0] idx,
  output none
);
  integer i;
  assign m = v & (~v + 8'd1);
  assign none = (v == 8'd0);
  always @* begin
    idx = 3'd0;
    for (i = 7; i >= 0; i = i - 1)
      if (v[i]) idx = i;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [7:0] v;
  wire [7:0] m_dut, m_ref;
  wire [2:0] idx_dut, idx_ref;
  wire none_dut, none_ref;
  lowbit8 dut (.v(v), .m(m_dut), .idx(idx_dut), .none(none_dut));
  lowbit8_golden golden (.v(v), .m(m_ref), .idx(idx_ref), .none(none_ref));
  integer seed = 1634733481;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({m_dut, idx_dut, none_dut} !== {m_ref, idx_ref, none_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: m=%h (expected %h) idx=%h (expected %h) none=%h (expected %h)", cycle, m_dut, m_ref, idx_dut, idx_ref, none_dut, none_ref);
      end
      if (^{m_ref, idx_ref, none_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      v = $random(seed);
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
