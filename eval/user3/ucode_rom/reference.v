module ucode_rom (
  input            clk,
  input            srst_n,
  input            en,
  input      [2:0] addr,
  output reg [7:0] data
);
  always @(posedge clk) begin
    if (!srst_n)
      data <= 8'h00;
    else if (en) begin
      case (addr)
        3'd0: data <= 8'h3C;
        3'd1: data <= 8'hA5;
        3'd2: data <= 8'h00;
        3'd3: data <= 8'hFF;
        3'd4: data <= 8'h81;
        3'd5: data <= 8'h7E;
        3'd6: data <= 8'h12;
        default: data <= 8'hC9;
      endcase
    end
  end
endmodule
