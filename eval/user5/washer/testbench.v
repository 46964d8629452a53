module washer_golden (
  input  clk,
  input  rst_n,
  input  go,
  input  full,
  input  empty,
  output valve,
  output motor,
  output pump
);
  localparam IDLE = 2'd0, FILL = 2'd1, WASH = 2'd2, DRAIN = 2'd3;
  reg [1:0] st;
  reg [2:0] cnt;
  assign valve = (st == FILL);
  assign motor = (st == WASH);
  assign pump  = (st == DRAIN);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE;
      cnt <= 3'd0;
    end else begin
      case (st)
        IDLE:  if (go)   st <= FILL;
        FILL:  if (full) begin st <= WASH; cnt <= 3'd0; end
        WASH:  if (cnt == 3'd4) st <= DRAIN;
               else cnt <= cnt + 3'd1;
        DRAIN: if (empty) st <= IDLE;
      endcase
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg go;
  reg full;
  reg empty;
  wire valve_dut, valve_ref;
  wire motor_dut, motor_ref;
  wire pump_dut, pump_ref;
  washer dut (.clk(clk), .rst_n(rst_n), .go(go), .full(full), .empty(empty), .valve(valve_dut), .motor(motor_dut), .pump(pump_dut));
  washer_golden golden (.clk(clk), .rst_n(rst_n), .go(go), .full(full), .empty(empty), .valve(valve_ref), .motor(motor_ref), .pump(pump_ref));
  always #5 clk = ~clk;
  integer seed = 2015566965;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({valve_dut, motor_dut, pump_dut} !== {valve_ref, motor_ref, pump_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: valve=%h (expected %h) motor=%h (expected %h) pump=%h (expected %h)", cycle, valve_dut, valve_ref, motor_dut, motor_ref, pump_dut, pump_ref);
      end
      if (^{valve_ref, motor_ref, pump_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      go = (($random(seed) & 1023) < 307);
      full = (($random(seed) & 1023) < 307);
      empty = (($random(seed) & 1023) < 307);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 600; cycle = cycle + 1) begin
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
