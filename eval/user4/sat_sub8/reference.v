module sat_sub8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    output wire [7:0] d,
    output wire       clamp
);
    assign clamp = (b > a);
    assign d     = clamp ? 8'd0 : (a - b);
endmodule
