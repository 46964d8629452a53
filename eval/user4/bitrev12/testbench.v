module bitrev12_golden (
    input  wire [11:0] din,
    output wire [11:0] dout
);
    genvar i;
    generate
        for (i = 0; i < 12; i = i + 1) begin : g_rev
            assign dout[i] = din[11 - i];
        end
    endgenerate
endmodule

`timescale 1ns/1ps
module tb;
  reg [11:0] din;
  wire [11:0] dout_dut, dout_ref;
  bitrev12 dut (.din(din), .dout(dout_dut));
  bitrev12_golden golden (.din(din), .dout(dout_ref));
  integer seed = 810210501;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({dout_dut} !== {dout_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: dout=%h (expected %h)", cycle, dout_dut, dout_ref);
      end
      if (^{dout_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      din = $random(seed);
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
