module in_range8 (
    input  wire [7:0] x,
    input  wire [7:0] lo,
    input  wire [7:0] hi,
    output wire       ok,
    output wire       below,
    output wire       above
);
    assign below = (x < lo);
    assign above = (x > hi);
    assign ok    = !below && !above;
endmodule
