module code_lock_golden (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] key,
    input  wire       kv,
    output reg  [1:0] stage,
    output wire       unlocked
);
    assign unlocked = (stage == 2'd3);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            stage <= 2'd0;
        else if (kv) begin
            case (stage)
                2'd0: stage <= (key == 4'd3) ? 2'd1 : 2'd0;
                2'd1: stage <= (key == 4'd1) ? 2'd2 : (key == 4'd3) ? 2'd1 : 2'd0;
                2'd2: stage <= (key == 4'd2) ? 2'd3 : (key == 4'd3) ? 2'd1 : 2'd0;
                default: stage <= 2'd0;
            endcase
        end
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg [3:0] key;
  reg kv;
  wire [1:0] stage_dut, stage_ref;
  wire unlocked_dut, unlocked_ref;
  code_lock dut (.clk(clk), .rst_n(rst_n), .key(key), .kv(kv), .stage(stage_dut), .unlocked(unlocked_dut));
  code_lock_golden golden (.clk(clk), .rst_n(rst_n), .key(key), .kv(kv), .stage(stage_ref), .unlocked(unlocked_ref));
  always #5 clk = ~clk;
  integer seed = 62710860;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({stage_dut, unlocked_dut} !== {stage_ref, unlocked_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: stage=%h (expected %h) unlocked=%h (expected %h)", cycle, stage_dut, stage_ref, unlocked_dut, unlocked_ref);
      end
      if (^{stage_ref, unlocked_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      key = $unsigned($random(seed)) % 5;
      kv = (($random(seed) & 1023) < 614);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 1000; cycle = cycle + 1) begin
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
