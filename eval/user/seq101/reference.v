module seq101 (
  input clk,
  input rst,
  input x,
  output z
);
  localparam S0 = 2'd0, S1 = 2'd1, S10 = 2'd2, S101 = 2'd3;
  reg [1:0] state;
  assign z = (state == S101);
  always @(posedge clk) begin
    if (rst) state <= S0;
    else begin
      case (state)
        S0: state <= x ? S1 : S0;
        S1: state <= x ? S1 : S10;
        S10: state <= x ? S101 : S0;
        default: state <= x ? S1 : S10;
      endcase
    end
  end
endmodule
