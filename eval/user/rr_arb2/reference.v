module rr_arb2 (
  input clk,
  input rst,
  input [1:0] req,
  output reg [1:0] gnt
);
  reg last;
  always @(*) begin
    case (req)
      2'b01: gnt = 2'b01;
      2'b10: gnt = 2'b10;
      2'b11: gnt = last ? 2'b01 : 2'b10;
      default: gnt = 2'b00;
    endcase
  end
  always @(posedge clk) begin
    if (rst) last <= 1'b1;
    else if (gnt != 2'b00) last <= gnt[1];
  end
endmodule
