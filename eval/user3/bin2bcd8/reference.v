module bin2bcd8 (
  input  [7:0] bin,
  output [1:0] hund,
  output [3:0] tens,
  output [3:0] ones
);
  assign hund = bin / 8'd100;
  assign tens = (bin / 8'd10) % 8'd10;
  assign ones = bin % 8'd10;
endmodule
