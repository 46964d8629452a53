module sin_lut_golden (
  input [2:0] phase,
  output reg [7:0] amp
);
  always @(*) begin
    case (phase)
      3'd0: amp = 8'h80;
      3'd1: amp = 8'hDA;
      3'd2: amp = 8'hFF;
      3'd3: amp = 8'hDA;
      3'd4: amp = 8'h80;
      3'd5: amp = 8'h25;
      3'd6: amp = 8'h00;
      default: amp = 8'h25;
    endcase
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg [2:0] phase;
  wire [7:0] amp_dut, amp_ref;
  sin_lut dut (.phase(phase), .amp(amp_dut));
  sin_lut_golden golden (.phase(phase), .amp(amp_ref));
  integer seed = 1555062108;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({amp_dut} !== {amp_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: amp=%h (expected %h)", cycle, amp_dut, amp_ref);
      end
      if (^{amp_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      phase = $random(seed);
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
