module turnstile (
  input  clk,
  input  rst,
  input  coin,
  input  push,
  input  ack,
  output unlocked,
  output alarm
);
  localparam LOCKED = 2'd0, OPEN = 2'd1, ALARM = 2'd2;
  reg [1:0] st;
  assign unlocked = (st == OPEN);
  assign alarm    = (st == ALARM);
  always @(posedge clk) begin
    if (rst) st <= LOCKED;
    else begin
      case (st)
        LOCKED: if (coin) st <= OPEN; else if (push) st <= ALARM;
        OPEN:   if (push) st <= LOCKED;
        ALARM:  if (ack)  st <= LOCKED;
        default: st <= LOCKED;
      endcase
    end
  end
endmodule
