module min_idx4 (
  input  [3:0] a,
  input  [3:0] b,
  input  [3:0] c,
  input  [3:0] d,
  output reg [3:0] mn,
  output reg [1:0] sel
);
  always @* begin
    mn = a; sel = 2'd0;
    if (b < mn) begin mn = b; sel = 2'd1; end
    if (c < mn) begin mn = c; sel = 2'd2; end
    if (d < mn) begin mn = d; sel = 2'd3; end
  end
endmodule
