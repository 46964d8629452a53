module turnstile_golden (
  input  clk,
  input  rst,
  input  coin,
  input  push,
  input  ack,
  output unlocked,
  output alarm
);
  localparam LOCKED = 2'd0, OPEN = 2'd1, ALARM = 2'd2;
  reg [1:0] st;
  assign unlocked = (st == OPEN);
  assign alarm    = (st == ALARM);
  always @(posedge clk) begin
    if (rst) st <= LOCKED;
    else begin
      case (st)
        LOCKED: if (coin) st <= OPEN; else if (push) st <= ALARM;
        OPEN:   if (push) st <= LOCKED;
        ALARM:  if (ack)  st <= LOCKED;
        default: st <= LOCKED;
      endcase
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg coin;
  reg push;
  reg ack;
  wire unlocked_dut, unlocked_ref;
  wire alarm_dut, alarm_ref;
  turnstile dut (.clk(clk), .rst(rst), .coin(coin), .push(push), .ack(ack), .unlocked(unlocked_dut), .alarm(alarm_dut));
  turnstile_golden golden (.clk(clk), .rst(rst), .coin(coin), .push(push), .ack(ack), .unlocked(unlocked_ref), .alarm(alarm_ref));
  always #5 clk = ~clk;
  integer seed = 2081050810;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({unlocked_dut, alarm_dut} !== {unlocked_ref, alarm_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: unlocked=%h (expected %h) alarm=%h (expected %h)", cycle, unlocked_dut, unlocked_ref, alarm_dut, alarm_ref);
      end
      if (^{unlocked_ref, alarm_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      coin = (($random(seed) & 1023) < 307);
      push = (($random(seed) & 1023) < 410);
      ack = (($random(seed) & 1023) < 307);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
