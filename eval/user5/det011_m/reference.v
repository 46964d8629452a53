module det011_m (
  input  clk,
  input  rst,
  input  v,
  input  x,
  output y
);
  localparam S0 = 2'd0, S0x = 2'd1, S01 = 2'd2;
  reg [1:0] st;
  assign y = (st == S01) && x;
  always @(posedge clk or posedge rst) begin
    if (rst) st <= S0;
    else if (v) begin
      case (st)
        S0:  st <= x ? S0  : S0x;
        S0x: st <= x ? S01 : S0x;
        S01: st <= x ? S0  : S0x;
        default: st <= S0;
      endcase
    end
  end
endmodule
