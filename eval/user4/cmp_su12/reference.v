module cmp_su12 (
    input  wire [11:0] a,
    input  wire [11:0] b,
    input  wire        sgn,
    output wire        lt,
    output wire        eq,
    output wire        gt
);
    wire ult = a < b;
    wire slt = $signed(a) < $signed(b);
    assign eq = (a == b);
    assign lt = sgn ? slt : ult;
    assign gt = !eq && !lt;
endmodule
