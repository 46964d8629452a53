module req_gen (
  input  clk,
  input  rst_n,
  input  start,
  input  ack,
  output req,
  output done
);
  localparam IDLE = 2'd0, REQ = 2'd1, WAIT = 2'd2, DONE = 2'd3;
  reg [1:0] st;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      st <= IDLE;
    else case (st)
      IDLE:    if (start) st <= REQ;
      REQ:     if (ack) st <= WAIT;
      WAIT:    if (!ack) st <= DONE;
      default: st <= IDLE;
    endcase
  end
  assign req  = (st == REQ);
  assign done = (st == DONE);
endmodule
