module shift_lr8 (
  input clk,
  input rst,
  input load,
  input dir,
  input [7:0] d,
  input si,
  output reg [7:0] q
);
  always @(posedge clk or posedge rst) begin
    if (rst) q <= 8'd0;
    else if (load) q <= d;
    else if (dir) q <= {si, q[7:1]};
    else q <= {q[6:0], si};
  end
endmodule
