module find0110 (
  input  clk,
  input  rst,
  input  din,
  output found
);
  localparam IDLE = 3'd0, G0 = 3'd1, G01 = 3'd2, G011 = 3'd3, HIT = 3'd4;
  reg [2:0] st;
  always @(posedge clk) begin
    if (rst)
      st <= IDLE;
    else case (st)
      IDLE:    st <= din ? IDLE : G0;
      G0:      st <= din ? G01 : G0;
      G01:     st <= din ? G011 : G0;
      G011:    st <= din ? IDLE : HIT;
      default: st <= din ? IDLE : G0;
    endcase
  end
  assign found = (st == HIT);
endmodule
