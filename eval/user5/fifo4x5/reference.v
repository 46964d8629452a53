module fifo4x5 (
  input            clk,
  input            rst_n,
  input            push,
  input            pop,
  input      [4:0] din,
  output     [4:0] dout,
  output           empty,
  output           full,
  output reg [2:0] count
);
  reg [4:0] mem [0:3];
  reg [1:0] rp, wp;
  wire do_push = push && (count != 3'd4);
  wire do_pop  = pop  && (count != 3'd0);
  assign empty = (count == 3'd0);
  assign full  = (count == 3'd4);
  assign dout  = empty ? 5'd0 : mem[rp];
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      rp <= 2'd0; wp <= 2'd0; count <= 3'd0;
    end else begin
      if (do_push) begin
        mem[wp] <= din;
        wp <= wp + 2'd1;
      end
      if (do_pop) rp <= rp + 2'd1;
      count <= count + do_push - do_pop;
    end
  end
endmodule
