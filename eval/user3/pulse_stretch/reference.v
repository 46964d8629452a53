module pulse_stretch (
  input  clk,
  input  rst_n,
  input  trig,
  output pulse
);
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (!rst_n)
      cnt <= 3'd0;
    else if (trig)
      cnt <= 3'd4;
    else if (cnt != 3'd0)
      cnt <= cnt - 3'd1;
  end
  assign pulse = (cnt != 3'd0);
endmodule
