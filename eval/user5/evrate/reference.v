module evrate (
  input            clk,
  input            rst,
  input            ev,
  output reg [4:0] rate,
  output reg       tick
);
  reg [3:0] ph;
  reg [4:0] acc;
  always @(posedge clk) begin
    if (rst) begin
      ph <= 4'd0; acc <= 5'd0; rate <= 5'd0; tick <= 1'b0;
    end else begin
      ph <= ph + 4'd1;
      tick <= (ph == 4'd15);
      if (ph == 4'd15) begin
        rate <= acc + ev;
        acc  <= 5'd0;
      end else
        acc <= acc + ev;
    end
  end
endmodule
