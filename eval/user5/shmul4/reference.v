module shmul4 (
  input            clk,
  input            rst,
  input            start,
  input      [3:0] a,
  input      [3:0] b,
  output reg [7:0] p,
  output reg       busy,
  output reg       done
);
  reg [3:0] ra, rb;
  reg [1:0] k;
  always @(posedge clk) begin
    if (rst) begin
      p <= 8'd0; busy <= 1'b0; done <= 1'b0;
      ra <= 4'd0; rb <= 4'd0; k <= 2'd0;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          ra <= a; rb <= b; p <= 8'd0; busy <= 1'b1; k <= 2'd0;
        end
      end else begin
        if (rb[k]) p <= p + ({4'd0, ra} << k);
        k <= k + 2'd1;
        if (k == 2'd3) begin
          busy <= 1'b0;
          done <= 1'b1;
        end
      end
    end
  end
endmodule
