module lowbit8 (
  input  [7:0] v,
  output [7:0] m,
  output reg [2:0] idx,
  output none
);
  integer i;
  assign m = v & (~v + 8'd1);
  assign none = (v == 8'd0);
  always @* begin
    idx = 3'd0;
    for (i = 7; i >= 0; i = i - 1)
      if (v[i]) idx = i;
  end
endmodule
