module bitrev12 (
    input  wire [11:0] din,
    output wire [11:0] dout
);
    genvar i;
    generate
        for (i = 0; i < 12; i = i + 1) begin : g_rev
            assign dout[i] = din[11 - i];
        end
    endgenerate
endmodule
