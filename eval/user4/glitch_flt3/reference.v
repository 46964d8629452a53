module glitch_flt3 (
    input  wire clk,
    input  wire rst,
    input  wire d,
    output reg  y
);
    reg [1:0] h;  // h[0] = sample at previous edge, h[1] = the one before
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            h <= 2'b00;
            y <= 1'b0;
        end else begin
            if (d == h[0] && d == h[1])
                y <= d;
            h <= {h[0], d};
        end
    end
endmodule
