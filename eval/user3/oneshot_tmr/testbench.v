module oneshot_tmr_golden (
  input        clk,
  input        reset,
  input        load,
  input  [7:0] val,
  output       busy,
  output reg   done
);
  reg [7:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      cnt  <= 8'd0;
      done <= 1'b0;
    end else if (load) begin
      cnt  <= val;
      done <= 1'b0;
    end else if (cnt != 8'd0) begin
      cnt  <= cnt - 8'd1;
      done <= (cnt == 8'd1);
    end else begin
      done <= 1'b0;
    end
  end
  assign busy = (cnt != 8'd0);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg reset;
  reg load;
  reg [7:0] val;
  wire busy_dut, busy_ref;
  wire done_dut, done_ref;
  oneshot_tmr dut (.clk(clk), .reset(reset), .load(load), .val(val), .busy(busy_dut), .done(done_dut));
  oneshot_tmr_golden golden (.clk(clk), .reset(reset), .load(load), .val(val), .busy(busy_ref), .done(done_ref));
  always #5 clk = ~clk;
  integer seed = 99528476;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({busy_dut, done_dut} !== {busy_ref, done_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: busy=%h (expected %h) done=%h (expected %h)", cycle, busy_dut, busy_ref, done_dut, done_ref);
      end
      if (^{busy_ref, done_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      load = (($random(seed) & 1023) < 51);
      val = $unsigned($random(seed)) % 13;
    end
  endtask
  initial begin
    reset = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    reset = 1'b0;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      reset = (($random(seed) & 63) == 0) ? 1'b1 : 1'b0;
      if (reset === 1'b1) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
