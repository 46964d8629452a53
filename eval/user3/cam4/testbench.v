module cam4_golden (
  input        clk,
  input        rst_n,
  input        we,
  input  [1:0] widx,
  input  [3:0] wkey,
  input  [3:0] key,
  output [3:0] match,
  output       hit
);
  reg [3:0] ent0, ent1, ent2, ent3;
  reg [3:0] valid;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      valid <= 4'b0000;
    else if (we)
      valid[widx] <= 1'b1;
  end
  always @(posedge clk) begin
    if (we) begin
      case (widx)
        2'd0: ent0 <= wkey;
        2'd1: ent1 <= wkey;
        2'd2: ent2 <= wkey;
        default: ent3 <= wkey;
      endcase
    end
  end
  assign match = {valid[3] && (ent3 == key), valid[2] && (ent2 == key),
                  valid[1] && (ent1 == key), valid[0] && (ent0 == key)};
  assign hit = |match;
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg we;
  reg [1:0] widx;
  reg [3:0] wkey;
  reg [3:0] key;
  wire [3:0] match_dut, match_ref;
  wire hit_dut, hit_ref;
  cam4 dut (.clk(clk), .rst_n(rst_n), .we(we), .widx(widx), .wkey(wkey), .key(key), .match(match_dut), .hit(hit_dut));
  cam4_golden golden (.clk(clk), .rst_n(rst_n), .we(we), .widx(widx), .wkey(wkey), .key(key), .match(match_ref), .hit(hit_ref));
  always #5 clk = ~clk;
  integer seed = 836368477;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({match_dut, hit_dut} !== {match_ref, hit_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: match=%h (expected %h) hit=%h (expected %h)", cycle, match_dut, match_ref, hit_dut, hit_ref);
      end
      if (^{match_ref, hit_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      we = (($random(seed) & 1023) < 512);
      widx = $random(seed);
      wkey = $random(seed);
      key = $random(seed);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 1500; cycle = cycle + 1) begin
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
