module nrzi_enc_golden (
  input      clk,
  input      rst_n,
  input      en,
  input      d,
  output reg line
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      line <= 1'b1;
    else if (en && !d)
      line <= ~line;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg en;
  reg d;
  wire line_dut, line_ref;
  nrzi_enc dut (.clk(clk), .rst_n(rst_n), .en(en), .d(d), .line(line_dut));
  nrzi_enc_golden golden (.clk(clk), .rst_n(rst_n), .en(en), .d(d), .line(line_ref));
  always #5 clk = ~clk;
  integer seed = 1682026956;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({line_dut} !== {line_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: line=%h (expected %h)", cycle, line_dut, line_ref);
      end
      if (^{line_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      en = (($random(seed) & 1023) < 717);
      d = $random(seed);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (rst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
