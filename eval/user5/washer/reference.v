module washer (
  input  clk,
  input  rst_n,
  input  go,
  input  full,
  input  empty,
  output valve,
  output motor,
  output pump
);
  localparam IDLE = 2'd0, FILL = 2'd1, WASH = 2'd2, DRAIN = 2'd3;
  reg [1:0] st;
  reg [2:0] cnt;
  assign valve = (st == FILL);
  assign motor = (st == WASH);
  assign pump  = (st == DRAIN);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE;
      cnt <= 3'd0;
    end else begin
      case (st)
        IDLE:  if (go)   st <= FILL;
        FILL:  if (full) begin st <= WASH; cnt <= 3'd0; end
        WASH:  if (cnt == 3'd4) st <= DRAIN;
               else cnt <= cnt + 3'd1;
        DRAIN: if (empty) st <= IDLE;
      endcase
    end
  end
endmodule
