module det110 (
  input clk,
  input rst,
  input x,
  output z
);
  localparam IDLE = 2'd0, GOT1 = 2'd1, GOT11 = 2'd2;
  reg [1:0] state;
  assign z = (state == GOT11) && !x;
  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else begin
      case (state)
        IDLE: state <= x ? GOT1 : IDLE;
        GOT1: state <= x ? GOT11 : IDLE;
        default: state <= x ? GOT11 : IDLE;
      endcase
    end
  end
endmodule
