module wdt_golden (
  input clk,
  input rst_n,
  input kick,
  output bark
);
  reg [3:0] cnt;
  assign bark = (cnt == 4'd15);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) cnt <= 4'd0;
    else if (kick) cnt <= 4'd0;
    else if (!bark) cnt <= cnt + 4'd1;
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg kick;
  wire bark_dut, bark_ref;
  wdt dut (.clk(clk), .rst_n(rst_n), .kick(kick), .bark(bark_dut));
  wdt_golden golden (.clk(clk), .rst_n(rst_n), .kick(kick), .bark(bark_ref));
  always #5 clk = ~clk;
  integer seed = 970844104;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({bark_dut} !== {bark_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: bark=%h (expected %h)", cycle, bark_dut, bark_ref);
      end
      if (^{bark_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      kick = (($random(seed) & 1023) < 51);
    end
  endtask
  initial begin
    rst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    rst_n = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
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
