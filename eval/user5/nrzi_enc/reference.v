module nrzi_enc (
  input      clk,
  input      rst_n,
  input      en,
  input      d,
  output reg line
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      line <= 1'b1;
    else if (en && !d)
      line <= ~line;
  end
endmodule
