module det110_golden (
  input clk,
  input rst,
  input x,
  output z
);
  localparam IDLE = 2'd0, GOT1 = 2'd1, GOT11 = 2'd2;
  reg [1:0] state;
  assign z = (state == GOT11) && !x;
  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else begin
      case (state)
        IDLE: state <= x ? GOT1 : IDLE;
        GOT1: state <= x ? GOT11 : IDLE;
        default: state <= x ? GOT11 : IDLE;
      endcase
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg x;
  wire z_dut, z_ref;
  det110 dut (.clk(clk), .rst(rst), .x(x), .z(z_dut));
  det110_golden golden (.clk(clk), .rst(rst), .x(x), .z(z_ref));
  always #5 clk = ~clk;
  integer seed = 327641796;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({z_dut} !== {z_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: z=%h (expected %h)", cycle, z_dut, z_ref);
      end
      if (^{z_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
    end
  endtask
  initial begin
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
