module padd16 (
  input             clk,
  input             srst,
  input      [15:0] a,
  input      [15:0] b,
  input             vin,
  output reg [16:0] s,
  output reg        vout
);
  reg [15:0] a_r, b_r;
  reg        v_r;
  always @(posedge clk) begin
    a_r <= a;
    b_r <= b;
    s   <= a_r + b_r;
  end
  always @(posedge clk) begin
    if (srst) begin
      v_r  <= 1'b0;
      vout <= 1'b0;
    end else begin
      v_r  <= vin;
      vout <= v_r;
    end
  end
endmodule
