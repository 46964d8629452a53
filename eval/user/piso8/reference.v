module piso8 (
  input clk,
  input rst,
  input load,
  input [7:0] d,
  output sout
);
  reg [7:0] sr;
  assign sout = sr[7];
  always @(posedge clk) begin
    if (rst) sr <= 8'd0;
    else if (load) sr <= d;
    else sr <= {sr[6:0], 1'b0};
  end
endmodule
