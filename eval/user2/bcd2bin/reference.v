module bcd2bin (
  input [3:0] tens,
  input [3:0] ones,
  output [6:0] value
);
  assign value = tens * 7'd10 + ones;
endmodule
