module rr_xing_golden (
    input  wire clk,
    input  wire rst_n,
    input  wire train,
    output wire lamp,
    output wire gate_dn
);
    localparam IDLE = 2'd0, WARN = 2'd1, DOWN = 2'd2, CLEAR = 2'd3;
    reg [1:0] st;
    reg [1:0] t;   // cycles already spent in the state (WARN, CLEAR)
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= IDLE;
            t  <= 2'd0;
        end else begin
            case (st)
                IDLE: begin
                    t <= 2'd0;
                    if (train) st <= WARN;
                end
                WARN: begin
                    if (t == 2'd2) begin st <= DOWN; t <= 2'd0; end
                    else t <= t + 2'd1;
                end
                DOWN: begin
                    t <= 2'd0;
                    if (!train) st <= CLEAR;
                end
                default: begin // CLEAR
                    if (train) begin st <= DOWN; t <= 2'd0; end
                    else if (t == 2'd1) begin st <= IDLE; t <= 2'd0; end
                    else t <= t + 2'd1;
                end
            endcase
        end
    end
    assign lamp    = (st != IDLE);
    assign gate_dn = (st == DOWN);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg train;
  wire lamp_dut, lamp_ref;
  wire gate_dn_dut, gate_dn_ref;
  rr_xing dut (.clk(clk), .rst_n(rst_n), .train(train), .lamp(lamp_dut), .gate_dn(gate_dn_dut));
  rr_xing_golden golden (.clk(clk), .rst_n(rst_n), .train(train), .lamp(lamp_ref), .gate_dn(gate_dn_ref));
  always #5 clk = ~clk;
  integer seed = 731619690;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({lamp_dut, gate_dn_dut} !== {lamp_ref, gate_dn_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: lamp=%h (expected %h) gate_dn=%h (expected %h)", cycle, lamp_dut, lamp_ref, gate_dn_dut, gate_dn_ref);
      end
      if (^{lamp_ref, gate_dn_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 154) train = $random(seed);
    end
  endtask
  initial begin
    train = $random(seed);
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
