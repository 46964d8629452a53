module therm3to7_golden (
    input  wire [2:0] n,
    output wire [6:0] t
);
    genvar i;
    generate
        for (i = 0; i < 7; i = i + 1) begin : g_t
            assign t[i] = (n > i);
        end
    endgenerate
endmodule

`timescale 1ns/1ps
module tb;
  reg [2:0] n;
  wire [6:0] t_dut, t_ref;
  therm3to7 dut (.n(n), .t(t_dut));
  therm3to7_golden golden (.n(n), .t(t_ref));
  integer seed = 1960715290;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({t_dut} !== {t_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: t=%h (expected %h)", cycle, t_dut, t_ref);
      end
      if (^{t_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      n = $random(seed);
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
