module seq1011 (
  input  clk,
  input  rst_n,
  input  x,
  output z
);
  localparam S0 = 2'd0, S1 = 2'd1, S10 = 2'd2, S101 = 2'd3;
  reg [1:0] st, nx;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) st <= S0;
    else        st <= nx;
  end
  always @(*) begin
    case (st)
      S0:      nx = x ? S1 : S0;
      S1:      nx = x ? S1 : S10;
      S10:     nx = x ? S101 : S0;
      default: nx = x ? S1 : S10;
    endcase
  end
  assign z = (st == S101) && x;
endmodule
