module maj5 (
    input  wire [4:0] v,
    output wire       y,
    output wire [2:0] cnt
);
    assign cnt = v[0] + v[1] + v[2] + v[3] + v[4];
    assign y   = (cnt >= 3'd3);
endmodule
