module pat1001_golden (
    input  wire clk,
    input  wire rst,
    input  wire din,
    output wire found
);
    localparam S0 = 3'd0, S1 = 3'd1, S10 = 3'd2, S100 = 3'd3, S1001 = 3'd4;
    reg [2:0] st, nx;
    always @* begin
        case (st)
            S0:    nx = din ? S1 : S0;
            S1:    nx = din ? S1 : S10;
            S10:   nx = din ? S1 : S100;
            S100:  nx = din ? S1001 : S0;
            S1001: nx = din ? S1 : S10;
            default: nx = S0;
        endcase
    end
    always @(posedge clk or posedge rst) begin
        if (rst) st <= S0;
        else     st <= nx;
    end
    assign found = (st == S1001);
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst;
  reg din;
  wire found_dut, found_ref;
  pat1001 dut (.clk(clk), .rst(rst), .din(din), .found(found_dut));
  pat1001_golden golden (.clk(clk), .rst(rst), .din(din), .found(found_ref));
  always #5 clk = ~clk;
  integer seed = 107926979;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({found_dut} !== {found_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: found=%h (expected %h)", cycle, found_dut, found_ref);
      end
      if (^{found_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      din = $random(seed);
    end
  endtask
  initial begin
    rst = 1'b1;
    drive;
    @(negedge clk); @(negedge clk);
    rst = 1'b0;
    for (cycle = 0; cycle < 800; cycle = cycle + 1) begin
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
