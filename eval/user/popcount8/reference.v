module popcount8 (
  input [7:0] d,
  output reg [3:0] count
);
  integer i;
  always @(*) begin
    count = 4'd0;
    for (i = 0; i < 8; i = i + 1)
      count = count + d[i];
  end
endmodule
