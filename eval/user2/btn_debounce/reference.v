module btn_debounce (
  input clk,
  input resetn,
  input btn,
  output reg btn_clean
);
  reg [1:0] cnt;
  always @(posedge clk) begin
    if (!resetn) begin
      cnt <= 2'd0;
      btn_clean <= 1'b0;
    end else if (btn == btn_clean) begin
      cnt <= 2'd0;
    end else if (cnt == 2'd3) begin
      cnt <= 2'd0;
      btn_clean <= btn;
    end else begin
      cnt <= cnt + 2'd1;
    end
  end
endmodule
