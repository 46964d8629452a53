module bcd_dn2 (
  input            clk,
  input            rst,
  input            ld,
  input      [3:0] ld_t,
  input      [3:0] ld_o,
  input            dec,
  output reg [3:0] tens,
  output reg [3:0] ones,
  output           zero
);
  assign zero = (tens == 4'd0) && (ones == 4'd0);
  always @(posedge clk) begin
    if (rst) begin
      tens <= 4'd0;
      ones <= 4'd0;
    end else if (ld) begin
      tens <= ld_t;
      ones <= ld_o;
    end else if (dec && !zero) begin
      if (ones == 4'd0) begin
        ones <= 4'd9;
        tens <= tens - 4'd1;
      end else
        ones <= ones - 4'd1;
    end
  end
endmodule
