module pat0101m_golden (
    input  wire clk,
    input  wire rst_n,
    input  wire en,
    input  wire x,
    output wire z
);
    // state = longest suffix of the bits taken in that is a prefix of 0101
    localparam A = 2'd0, B = 2'd1, C = 2'd2, D = 2'd3; // "", "0", "01", "010"
    reg [1:0] st, nx;
    always @* begin
        case (st)
            A: nx = x ? A : B;
            B: nx = x ? C : B;
            C: nx = x ? A : D;
            default: nx = x ? C : B;   // D ("010"): 1 completes 0101, keep "01"
        endcase
    end
    always @(posedge clk) begin
        if (!rst_n)  st <= A;
        else if (en) st <= nx;
    end
    assign z = (st == D) && x;
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg rst_n;
  reg en;
  reg x;
  wire z_dut, z_ref;
  pat0101m dut (.clk(clk), .rst_n(rst_n), .en(en), .x(x), .z(z_dut));
  pat0101m_golden golden (.clk(clk), .rst_n(rst_n), .en(en), .x(x), .z(z_ref));
  always #5 clk = ~clk;
  integer seed = 1367188417;
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
      en = (($random(seed) & 1023) < 512);
      x = $random(seed);
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
