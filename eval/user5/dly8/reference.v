module dly8 (
  input            clk,
  input            rst,
  input            en,
  input      [7:0] din,
  output reg [7:0] dout
);
  reg [7:0] mem [0:7];
  reg [2:0] wp;
  always @(posedge clk) begin
    if (rst) begin
      wp   <= 3'd0;
      dout <= 8'd0;
    end else if (en) begin
      dout    <= mem[wp];
      mem[wp] <= din;
      wp      <= wp + 3'd1;
    end
  end
endmodule
