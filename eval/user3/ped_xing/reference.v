module ped_xing (
  input  clk,
  input  rst_n,
  input  btn,
  output car_g,
  output car_y,
  output car_r,
  output walk
);
  localparam GRN = 2'd0, YEL = 2'd1, RED = 2'd2;
  reg [1:0] st;
  reg [1:0] t;
  always @(posedge clk) begin
    if (!rst_n) begin
      st <= GRN;
      t  <= 2'd0;
    end else case (st)
      GRN: begin
        t <= 2'd0;
        if (btn) st <= YEL;
      end
      YEL: begin
        if (t == 2'd1) begin st <= RED; t <= 2'd0; end
        else t <= t + 2'd1;
      end
      default: begin
        if (t == 2'd2) begin st <= GRN; t <= 2'd0; end
        else t <= t + 2'd1;
      end
    endcase
  end
  assign car_g = (st == GRN);
  assign car_y = (st == YEL);
  assign car_r = (st == RED);
  assign walk  = (st == RED);
endmodule
