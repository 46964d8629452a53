module sat10to8 (
  input signed [9:0] wide,
  output reg signed [7:0] narrow
);
  always @(*) begin
    if (wide > 10'sd127) narrow = 8'sd127;
    else if (wide < -10'sd128) narrow = -8'sd128;
    else narrow = wide[7:0];
  end
endmodule
