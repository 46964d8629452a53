module dly3 (
  input clk,
  input arst_n,
  input [3:0] din,
  output [3:0] dout
);
  reg [3:0] s1, s2, s3;
  assign dout = s3;
  always @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      s1 <= 4'd0;
      s2 <= 4'd0;
      s3 <= 4'd0;
    end else begin
      s1 <= din;
      s2 <= s1;
      s3 <= s2;
    end
  end
endmodule
