module bcd_xs3 (
    input  wire [3:0] bcd,
    output wire [3:0] xs3,
    output wire       err
);
    assign err = (bcd > 4'd9);
    assign xs3 = err ? 4'b0000 : bcd + 4'd3;
endmodule
