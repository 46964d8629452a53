module dpram8x8 (
  input            clk,
  input            rrst,
  input            we,
  input      [2:0] wa,
  input      [7:0] wd,
  input      [2:0] ra,
  output reg [7:0] rd
);
  reg [7:0] mem [0:7];
  always @(posedge clk) begin
    if (we)
      mem[wa] <= wd;
    if (rrst)
      rd <= 8'd0;
    else
      rd <= mem[ra];
  end
endmodule
