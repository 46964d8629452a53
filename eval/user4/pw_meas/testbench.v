module pw_meas_golden (
    input  wire       clk,
    input  wire       arst_n,
    input  wire       sig,
    output reg  [7:0] width,
    output reg        done
);
    reg [7:0] cnt;
    reg       prev;
    always @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            cnt   <= 8'd0;
            prev  <= 1'b0;
            width <= 8'd0;
            done  <= 1'b0;
        end else begin
            prev <= sig;
            if (sig)
                cnt <= (cnt == 8'd255) ? cnt : cnt + 8'd1;
            else
                cnt <= 8'd0;
            if (!sig && prev) begin
                width <= cnt;
                done  <= 1'b1;
            end else begin
                done  <= 1'b0;
            end
        end
    end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg arst_n;
  reg sig;
  wire [7:0] width_dut, width_ref;
  wire done_dut, done_ref;
  pw_meas dut (.clk(clk), .arst_n(arst_n), .sig(sig), .width(width_dut), .done(done_dut));
  pw_meas_golden golden (.clk(clk), .arst_n(arst_n), .sig(sig), .width(width_ref), .done(done_ref));
  always #5 clk = ~clk;
  integer seed = 605417490;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({width_dut, done_dut} !== {width_ref, done_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: width=%h (expected %h) done=%h (expected %h)", cycle, width_dut, width_ref, done_dut, done_ref);
      end
      if (^{width_ref, done_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      if (($random(seed) & 1023) < 256) sig = $random(seed);
    end
  endtask
  initial begin
    sig = $random(seed);
    arst_n = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    arst_n = 1'b1;
    for (cycle = 0; cycle < 500; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      arst_n = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (arst_n === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
