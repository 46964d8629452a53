module door_ctrl_golden (
  input  clk,
  input  rst,
  input  btn,
  input  top,
  input  bot,
  output up,
  output down
);
  localparam CLOSED = 2'd0, OPENING = 2'd1, OPEN = 2'd2, CLOSING = 2'd3;
  reg [1:0] st;
  always @(posedge clk or posedge rst) begin
    if (rst)
      st <= CLOSED;
    else case (st)
      CLOSED:  if (btn) st <= OPENING;
      OPENING: if (top) st <= OPEN; else if (btn) st <= CLOSING;
      OPEN:    if (btn) st <= CLOSING;
      default: if (bot) st <= CLOSED; else if (btn) st <= OPENING;
    endcase
  end
  assign up   = (st == OPENING);
  assign down = (st == CLOSING);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg btn;
  reg top;
  reg bot;
  wire up_dut, up_ref;
  wire down_dut, down_ref;
  door_ctrl dut (.clk(clk), .rst(rst), .btn(btn), .top(top), .bot(bot), .up(up_dut), .down(down_dut));
  door_ctrl_golden golden (.clk(clk), .rst(rst), .btn(btn), .top(top), .bot(bot), .up(up_ref), .down(down_ref));
  always #5 clk = ~clk;
  integer seed = 727216782;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({up_dut, down_dut} !== {up_ref, down_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: up=%h (expected %h) down=%h (expected %h)", cycle, up_dut, up_ref, down_dut, down_ref);
      end
      if (^{up_ref, down_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      btn = (($random(seed) & 1023) < 256);
      top = (($random(seed) & 1023) < 205);
      bot = (($random(seed) & 1023) < 205);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
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
