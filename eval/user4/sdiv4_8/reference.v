module sdiv4_8 (
    input  wire signed [7:0] a,
    output wire signed [7:0] q,
    output wire              exact
);
    assign exact = (a[1:0] == 2'b00);
    // arithmetic shift rounds toward -inf; add 3 first for negative inputs
    wire signed [8:0] biased = (a[7] && !exact) ? ({a[7], a} + 9'sd3) : {a[7], a};
    assign q = biased >>> 2;
endmodule
