module note_rom (
  input      [2:0]  n,
  output reg [11:0] div
);
  always @* begin
    case (n)
      3'd0: div = 12'd1911;
      3'd1: div = 12'd1703;
      3'd2: div = 12'd1517;
      3'd3: div = 12'd1432;
      3'd4: div = 12'd1276;
      3'd5: div = 12'd1136;
      3'd6: div = 12'd1012;
      default: div = 12'd956;
    endcase
  end
endmodule
