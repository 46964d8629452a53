module req_gen_golden (
  input  clk,
  input  rst_n,
  input  start,
  input  ack,
  output req,
  output done
);
  localparam IDLE = 2'd0, REQ = 2'd1, WAIT = 2'd2, DONE = 2'd3;
  reg [1:0] st;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      st <= IDLE;
    else case (st)
      IDLE:    if (start) st <= REQ;
      REQ:     if (ack) st <= WAIT;
      WAIT:    if (!ack) st <= DONE;
      default: st <= IDLE;
    endcase
  end
  assign req  = (st == REQ);
  assign done = (st == DONE);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg start;
  reg ack;
  wire req_dut, req_ref;
  wire done_dut, done_ref;
  req_gen dut (.clk(clk), .rst_n(rst_n), .start(start), .ack(ack), .req(req_dut), .done(done_dut));
  req_gen_golden golden (.clk(clk), .rst_n(rst_n), .start(start), .ack(ack), .req(req_ref), .done(done_ref));
  always #5 clk = ~clk;
  integer seed = 977622161;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({req_dut, done_dut} !== {req_ref, done_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: req=%h (expected %h) done=%h (expected %h)", cycle, req_dut, req_ref, done_dut, done_ref);
      end
      if (^{req_ref, done_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      start = (($random(seed) & 1023) < 410);
      ack = $random(seed);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
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
