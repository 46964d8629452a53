module window4 (
  input  [3:0] x,
  input  [3:0] lo,
  input  [3:0] hi,
  output       in_win
);
  assign in_win = (x >= lo) && (x <= hi);
endmodule
