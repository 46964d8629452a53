module btn_debounce_golden (
  input clk,
  input resetn,
  input btn,
  output reg btn_clean
);
  reg [1:0] cnt;
  always @(posedge clk) begin
    if (!resetn) begin
      cnt <= 2'd0;
      btn_clean <= 1'b0;
    end else if (btn == btn_clean) begin
      cnt <= 2'd0;
    end else if (cnt == 2'd3) begin
      cnt <= 2'd0;
      btn_clean <= btn;
    end else begin
      cnt <= cnt + 2'd1;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg resetn;
  reg btn;
  wire btn_clean_dut, btn_clean_ref;
  btn_debounce dut (.clk(clk), .resetn(resetn), .btn(btn), .btn_clean(btn_clean_dut));
  btn_debounce_golden golden (.clk(clk), .resetn(resetn), .btn(btn), .btn_clean(btn_clean_ref));
  always #5 clk = ~clk;
  integer seed = 1471423493;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({btn_clean_dut} !== {btn_clean_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: btn_clean=%h (expected %h)", cycle, btn_clean_dut, btn_clean_ref);
      end
      if (^{btn_clean_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 154) btn = $random(seed);
    end
  endtask
  initial begin
    btn = $random(seed);
    resetn = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    resetn = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      resetn = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (resetn === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
