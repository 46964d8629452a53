module ser_add (
    input  clk,
    input  rst,
    input  start,
    input  a,
    input  b,
    output s,
    output reg carry
);
    wire cin = carry & ~start;
    assign s = a ^ b ^ cin;
    always @(posedge clk) begin
        if (rst) carry <= 1'b0;
        else     carry <= (a & b) | (a & cin) | (b & cin);
    end
endmodule
