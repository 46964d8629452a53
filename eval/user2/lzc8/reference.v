module lzc8 (
  input [7:0] x,
  output reg [3:0] zeros
);
  always @(*) begin
    casez (x)
      8'b1???????: zeros = 4'd0;
      8'b01??????: zeros = 4'd1;
      8'b001?????: zeros = 4'd2;
      8'b0001????: zeros = 4'd3;
      8'b00001???: zeros = 4'd4;
      8'b000001??: zeros = 4'd5;
      8'b0000001?: zeros = 4'd6;
      8'b00000001: zeros = 4'd7;
      default: zeros = 4'd8;
    endcase
  end
endmodule
