module door_ctrl (
  input  clk,
  input  rst,
  input  btn,
  input  top,
  input  bot,
  output up,
  output down
);
  localparam CLOSED = 2'd0, OPENING = 2'd1, OPEN = 2'd2, CLOSING = 2'd3;
  reg [1:0] st;
  always @(posedge clk or posedge rst) begin
    if (rst)
      st <= CLOSED;
    else case (st)
      CLOSED:  if (btn) st <= OPENING;
      OPENING: if (top) st <= OPEN; else if (btn) st <= CLOSING;
      OPEN:    if (btn) st <= CLOSING;
      default: if (bot) st <= CLOSED; else if (btn) st <= OPENING;
    endcase
  end
  assign up   = (st == OPENING);
  assign down = (st == CLOSING);
endmodule
