module crc8_ser (
  input            clk,
  input            init,
  input            en,
  input            d,
  output reg [7:0] crc
);
  wire fb = crc[7] ^ d;
  always @(posedge clk) begin
    if (init)
      crc <= 8'hFF;
    else if (en)
      crc <= {crc[6:0], 1'b0} ^ (fb ? 8'h07 : 8'h00);
  end
endmodule
