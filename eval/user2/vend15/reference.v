module vend15 (
  input clk,
  input rst,
  input nickel,
  input dime,
  output reg vend
);
  reg [4:0] credit;
  wire [4:0] total = credit + (nickel ? 5'd5 : 5'd0) + (dime ? 5'd10 : 5'd0);
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      credit <= 5'd0;
      vend <= 1'b0;
    end else if (total >= 5'd15) begin
      credit <= 5'd0;
      vend <= 1'b1;
    end else begin
      credit <= total;
      vend <= 1'b0;
    end
  end
endmodule
