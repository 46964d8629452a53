module demux4 (
  input [3:0] din,
  input [1:0] sel,
  output [3:0] y0,
  output [3:0] y1,
  output [3:0] y2,
  output [3:0] y3
);
  assign y0 = (sel == 2'd0) ? din : 4'd0;
  assign y1 = (sel == 2'd1) ? din : 4'd0;
  assign y2 = (sel == 2'd2) ? din : 4'd0;
  assign y3 = (sel == 2'd3) ? din : 4'd0;
endmodule
