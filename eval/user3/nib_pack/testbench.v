module nib_pack_golden (
  input             clk,
  input             arstn,
  input             nv,
  input      [3:0]  nib,
  output reg [15:0] word,
  output reg        wv
);
  reg [1:0]  cnt;
  reg [11:0] part;
  always @(posedge clk or negedge arstn) begin
    if (!arstn) begin
      cnt  <= 2'd0;
      part <= 12'd0;
      word <= 16'd0;
      wv   <= 1'b0;
    end else begin
      wv <= nv && (cnt == 2'd3);
      if (nv) begin
        cnt <= cnt + 2'd1;
        case (cnt)
          2'd0: part[3:0]  <= nib;
          2'd1: part[7:4]  <= nib;
          2'd2: part[11:8] <= nib;
          default: word <= {nib, part};
        endcase
      end
    end
  end
endmodule

`timescale 1ns/1ps
module tb;
  reg clk = 1'b0;
  reg arstn;
  reg nv;
  reg [3:0] nib;
  wire [15:0] word_dut, word_ref;
  wire wv_dut, wv_ref;
  nib_pack dut (.clk(clk), .arstn(arstn), .nv(nv), .nib(nib), .word(word_dut), .wv(wv_dut));
  nib_pack_golden golden (.clk(clk), .arstn(arstn), .nv(nv), .nib(nib), .word(word_ref), .wv(wv_ref));
  always #5 clk = ~clk;
  integer seed = 280091483;
  integer cycle, checks = 0, errors = 0, defined = 0;
  task check;
    begin
      checks = checks + 1;
      if ({word_dut, wv_dut} !== {word_ref, wv_ref}) begin
        errors = errors + 1;
        if (errors <= 5) $display("MISMATCH cycle %0d: word=%h (expected %h) wv=%h (expected %h)", cycle, word_dut, word_ref, wv_dut, wv_ref);
      end
      if (^{word_ref, wv_ref} !== 1'bx) defined = defined + 1;
    end
  endtask
  task drive;
    begin
      nv = (($random(seed) & 1023) < 717);
      nib = $random(seed);
    end
  endtask
  initial begin
    arstn = 1'b0;
    drive;
    @(negedge clk); @(negedge clk);
    arstn = 1'b1;
    for (cycle = 0; cycle < 400; cycle = cycle + 1) begin
      @(negedge clk);
      check;
      drive;
      arstn = (($random(seed) & 63) == 0) ? 1'b0 : 1'b1;
      if (arstn === 1'b0) begin #1; check; end
    end
    if (errors == 0 && defined > 0) $display("PASS: %0d checks", checks);
    else if (errors == 0) $display("FAIL: the reference gave only undefined outputs");
    else $display("FAIL: %0d of %0d checks mismatched", errors, checks);
    $finish;
  end
endmodule
