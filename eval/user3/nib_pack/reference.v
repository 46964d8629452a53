module nib_pack (
  input             clk,
  input             arstn,
  input             nv,
  input      [3:0]  nib,
  output reg [15:0] word,
  output reg        wv
);
  reg [1:0]  cnt;
  reg [11:0] part;
  always @(posedge clk or negedge arstn) begin
    if (!arstn) begin
      cnt  <= 2'd0;
      part <= 12'd0;
      word <= 16'd0;
      wv   <= 1'b0;
    end else begin
      wv <= nv && (cnt == 2'd3);
      if (nv) begin
        cnt <= cnt + 2'd1;
        case (cnt)
          2'd0: part[3:0]  <= nib;
          2'd1: part[7:4]  <= nib;
          2'd2: part[11:8] <= nib;
          default: word <= {nib, part};
        endcase
      end
    end
  end
endmodule
