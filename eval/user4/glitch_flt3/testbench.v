module glitch_flt3_golden (
    input  wire clk,
    input  wire rst,
    input  wire d,
    output reg  y
);
    reg [1:0] h;  // h[0] = sample at previous edge, h[1] = the one before
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            h <= 2'b00;
            y <= 1'b0;
        end else begin
            if (d == h[0] && d == h[1])
                y <= d;
            h <= {h[0], d};
        end
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg d;
  wire y_dut, y_ref;
  glitch_flt3 dut (.clk(clk), .rst(rst), .d(d), .y(y_dut));
  glitch_flt3_golden golden (.clk(clk), .rst(rst), .d(d), .y(y_ref));
  always #5 clk = ~clk;
  integer seed = 1520254936;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({y_dut} !== {y_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: y=%h (expected %h)", cycle, y_dut, y_ref);
      end
      if (^{y_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 358) d = $random(seed);
    end
  endtask
  initial begin
    d = $random(seed);
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      rst = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (rst === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
