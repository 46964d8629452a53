module lod16_golden (
    input  wire [15:0] x,
    output reg  [3:0]  pos,
    output wire        found
);
    integer i;
    always @* begin
        pos = 4'd0;
        for (i = 0; i < 16; i = i + 1)
            if (x[i]) pos = i[3:0];
    end
    assign found = |x;
endmodule

`timescale 1ns/1ps
module tb;
  reg [15:0] x;
  wire [3:0] pos_dut, pos_ref;
  wire found_dut, found_ref;
  lod16 dut (.x(x), .pos(pos_dut), .found(found_dut));
  lod16_golden golden (.x(x), .pos(pos_ref), .found(found_ref));
  integer seed = 1688846442;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({pos_dut, found_dut} !== {pos_ref, found_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: pos=%h (expected %h) found=%h (expected %h)", cycle, pos_dut, pos_ref, found_dut, found_ref);
      end
      if (^{pos_ref, found_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      x = $random(seed);
    end
  endtask
  initial begin
    for (cycle = 0; cycle < 200; cycle = cycle + 1) begin
      drive;
      #5;
      check;
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
