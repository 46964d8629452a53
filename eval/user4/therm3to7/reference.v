module therm3to7 (
    input  wire [2:0] n,
    output wire [6:0] t
);
    genvar i;
    generate
        for (i = 0; i < 7; i = i + 1) begin : g_t
            assign t[i] = (n > i);
        end
    endgenerate
endmodule
