module trailz8 (
  input  [7:0] x,
  output reg [3:0] n,
  output z
);
  integer i;
  assign z = (x == 8'd0);
  always @* begin
    n = 4'd8;
    for (i = 7; i >= 0; i = i - 1)
      if (x[i]) n = i;
  end
endmodule
