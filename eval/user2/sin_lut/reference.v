module sin_lut (
  input [2:0] phase,
  output reg [7:0] amp
);
  always @(*) begin
    case (phase)
      3'd0: amp = 8'h80;
      3'd1: amp = 8'hDA;
      3'd2: amp = 8'hFF;
      3'd3: amp = 8'hDA;
      3'd4: amp = 8'h80;
      3'd5: amp = 8'h25;
      3'd6: amp = 8'h00;
      default: amp = 8'h25;
    endcase
  end
endmodule
