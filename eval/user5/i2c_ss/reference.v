module i2c_ss (
  input      clk,
  input      rst_n,
  input      scl,
  input      sda,
  output reg start,
  output reg stop
);
  reg scl_q, sda_q;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      scl_q <= 1'b1; sda_q <= 1'b1;
      start <= 1'b0; stop  <= 1'b0;
    end else begin
      start <= scl_q & scl & sda_q & ~sda;
      stop  <= scl_q & scl & ~sda_q & sda;
      scl_q <= scl;
      sda_q <= sda;
    end
  end
endmodule
