module oneshot_tmr (
  input        clk,
  input        reset,
  input        load,
  input  [7:0] val,
  output       busy,
  output reg   done
);
  reg [7:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      cnt  <= 8'd0;
      done <= 1'b0;
    end else if (load) begin
      cnt  <= val;
      done <= 1'b0;
    end else if (cnt != 8'd0) begin
      cnt  <= cnt - 8'd1;
      done <= (cnt == 8'd1);
    end else begin
      done <= 1'b0;
    end
  end
  assign busy = (cnt != 8'd0);
endmodule
