module hyst8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [7:0] x,
    input  wire [7:0] hi,
    input  wire [7:0] lo,
    output reg        y
);
    always @(posedge clk) begin
        if (!rst_n)
            y <= 1'b0;
        else if (x > hi)
            y <= 1'b1;
        else if (x < lo)
            y <= 1'b0;
    end
endmodule
