module det1101 (
  input  clk,
  input  rst_n,
  input  x,
  output y
);
  localparam S0 = 3'd0, S1 = 3'd1, S11 = 3'd2, S110 = 3'd3, DET = 3'd4;
  reg [2:0] st, nx;
  assign y = (st == DET);
  always @* begin
    case (st)
      S0:   nx = x ? S1   : S0;
      S1:   nx = x ? S11  : S0;
      S11:  nx = x ? S11  : S110;
      S110: nx = x ? DET  : S0;
      DET:  nx = x ? S11  : S0;
      default: nx = S0;
    endcase
  end
  always @(posedge clk) begin
    if (!rst_n) st <= S0;
    else        st <= nx;
  end
endmodule
