module ones_run (
  input            clk,
  input            rst,
  input            b,
  output reg [3:0] run
);
  always @(posedge clk) begin
    if (rst)
      run <= 4'd0;
    else if (!b)
      run <= 4'd0;
    else if (run != 4'd15)
      run <= run + 4'd1;
  end
endmodule
