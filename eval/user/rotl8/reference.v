module rotl8 (
  input [7:0] d,
  input [2:0] amt,
  output [7:0] y
);
  wire [15:0] doubled = {d, d} << amt;
  assign y = doubled[15:8];
endmodule
