module cam4 (
  input        clk,
  input        rst_n,
  input        we,
  input  [1:0] widx,
  input  [3:0] wkey,
  input  [3:0] key,
  output [3:0] match,
  output       hit
);
  reg [3:0] ent0, ent1, ent2, ent3;
  reg [3:0] valid;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      valid <= 4'b0000;
    else if (we)
      valid[widx] <= 1'b1;
  end
  always @(posedge clk) begin
    if (we) begin
      case (widx)
        2'd0: ent0 <= wkey;
        2'd1: ent1 <= wkey;
        2'd2: ent2 <= wkey;
        default: ent3 <= wkey;
      endcase
    end
  end
  assign match = {valid[3] && (ent3 == key), valid[2] && (ent2 == key),
                  valid[1] && (ent1 == key), valid[0] && (ent0 == key)};
  assign hit = |match;
endmodule
