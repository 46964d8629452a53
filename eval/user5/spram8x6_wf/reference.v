module spram8x6_wf (
  input            clk,
  input            rst_n,
  input            we,
  input      [2:0] addr,
  input      [5:0] wdata,
  output reg [5:0] rdata
);
  reg [5:0] mem [0:7];
  always @(posedge clk) begin
    if (!rst_n)
      rdata <= 6'd0;
    else if (we) begin
      mem[addr] <= wdata;
      rdata <= wdata;
    end else
      rdata <= mem[addr];
  end
endmodule
