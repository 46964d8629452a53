module stack4x8 (
  input clk,
  input rst,
  input push,
  input pop,
  input [7:0] din,
  output [7:0] top,
  output empty,
  output full
);
  reg [7:0] mem [0:3];
  reg [2:0] sp;
  assign empty = (sp == 3'd0);
  assign full = (sp == 3'd4);
  assign top = empty ? 8'd0 : mem[sp - 3'd1];
  always @(posedge clk) begin
    if (rst) sp <= 3'd0;
    else if (push && !full) begin
      mem[sp[1:0]] <= din;
      sp <= sp + 3'd1;
    end else if (pop && !empty) begin
      sp <= sp - 3'd1;
    end
  end
endmodule
