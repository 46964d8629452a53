module ped_xing_golden (
  input  clk,
  input  rst_n,
  input  btn,
  output car_g,
  output car_y,
  output car_r,
  output walk
);
  localparam GRN = 2'd0, YEL = 2'd1, RED = 2'd2;
  reg [1:0] st;
  reg [1:0] t;
  always @(posedge clk) begin
    if (!rst_n) begin
      st <= GRN;
      t  <= 2'd0;
    end else case (st)
      GRN: begin
        t <= 2'd0;
        if (btn) st <= YEL;
      end
      YEL: begin
        if (t == 2'd1) begin st <= RED; t <= 2'd0; end
        else t <= t + 2'd1;
      end
      default: begin
        if (t == 2'd2) begin st <= GRN; t <= 2'd0; end
        else t <= t + 2'd1;
      end
    endcase
  end
  assign car_g = (st == GRN);
  assign car_y = (st == YEL);
  assign car_r = (st == RED);
  assign walk  = (st == RED);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg btn;
  wire car_g_dut, car_g_ref;
  wire car_y_dut, car_y_ref;
  wire car_r_dut, car_r_ref;
  wire walk_dut, walk_ref;
  ped_xing dut (.clk(clk), .rst_n(rst_n), .btn(btn), .car_g(car_g_dut), .car_y(car_y_dut), .car_r(car_r_dut), .walk(walk_dut));
  ped_xing_golden golden (.clk(clk), .rst_n(rst_n), .btn(btn), .car_g(car_g_ref), .car_y(car_y_ref), .car_r(car_r_ref), .walk(walk_ref));
  always #5 clk = ~clk;
  integer seed = 455959872;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({car_g_dut, car_y_dut, car_r_dut, walk_dut} !== {car_g_ref, car_y_ref, car_r_ref, walk_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: car_g=%h (expected %h) car_y=%h (expected %h) car_r=%h (expected %h) walk=%h (expected %h)", cycle, car_g_dut, car_g_ref, car_y_dut, car_y_ref, car_r_dut, car_r_ref, walk_dut, walk_ref);
      end
      if (^{car_g_ref, car_y_ref, car_r_ref, walk_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      btn = (($random(seed) & 1023) < 307);
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
