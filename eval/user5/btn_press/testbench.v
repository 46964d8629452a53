module btn_press_golden (
  input      clk,
  input      rst_n,
  input      b,
  output reg short_p,
  output reg long_p
);
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (!rst_n) begin
      cnt <= 3'd0; short_p <= 1'b0; long_p <= 1'b0;
    end else if (b) begin
      short_p <= 1'b0;
      long_p  <= (cnt == 3'd3);
      if (cnt != 3'd4) cnt <= cnt + 3'd1;
    end else begin
      long_p  <= 1'b0;
      short_p <= (cnt != 3'd0) && (cnt != 3'd4);
      cnt <= 3'd0;
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg b;
  wire short_p_dut, short_p_ref;
  wire long_p_dut, long_p_ref;
  btn_press dut (.clk(clk), .rst_n(rst_n), .b(b), .short_p(short_p_dut), .long_p(long_p_dut));
  btn_press_golden golden (.clk(clk), .rst_n(rst_n), .b(b), .short_p(short_p_ref), .long_p(long_p_ref));
  always #5 clk = ~clk;
  integer seed = 1250853428;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({short_p_dut, long_p_dut} !== {short_p_ref, long_p_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: short_p=%h (expected %h) long_p=%h (expected %h)", cycle, short_p_dut, short_p_ref, long_p_dut, long_p_ref);
      end
      if (^{short_p_ref, long_p_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 461) b = $random(seed);
    end
  endtask
  initial begin
    b = $random(seed);
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 3000; cycle = cycle + 1) begin
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
