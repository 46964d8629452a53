module nib_sel16 (
  input  [15:0] w,
  input  [1:0]  i,
  output reg [3:0] n
);
  always @* begin
    case (i)
      2'd0: n = w[15:12];
      2'd1: n = w[11:8];
      2'd2: n = w[7:4];
      default: n = w[3:0];
    endcase
  end
endmodule
