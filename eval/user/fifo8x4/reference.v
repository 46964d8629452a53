module fifo8x4 (
  input clk,
  input rst,
  input wr_en,
  input [7:0] din,
  input rd_en,
  output [7:0] dout,
  output full,
  output empty
);
  reg [7:0] mem [0:3];
  reg [1:0] rd_ptr, wr_ptr;
  reg [2:0] count;
  wire do_write = wr_en && !full;
  wire do_read = rd_en && !empty;
  assign full = (count == 3'd4);
  assign empty = (count == 3'd0);
  assign dout = empty ? 8'd0 : mem[rd_ptr];
  always @(posedge clk) begin
    if (rst) begin
      rd_ptr <= 2'd0;
      wr_ptr <= 2'd0;
      count <= 3'd0;
    end else begin
      if (do_write) begin
        mem[wr_ptr] <= din;
        wr_ptr <= wr_ptr + 2'd1;
      end
      if (do_read) rd_ptr <= rd_ptr + 2'd1;
      count <= count + do_write - do_read;
    end
  end
endmodule
