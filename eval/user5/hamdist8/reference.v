module hamdist8 (
  input  [7:0] p,
  input  [7:0] q,
  output reg [3:0] d,
  output same
);
  wire [7:0] x = p ^ q;
  integer i;
  always @* begin
    d = 4'd0;
    for (i = 0; i < 8; i = i + 1)
      d = d + x[i];
  end
  assign same = (x == 8'd0);
endmodule
