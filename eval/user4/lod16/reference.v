module lod16 (
    input  wire [15:0] x,
    output reg  [3:0]  pos,
    output wire        found
);
    integer i;
    always @* begin
        pos = 4'd0;
        for (i = 0; i < 16; i = i + 1)
            if (x[i]) pos = i[3:0];
    end
    assign found = |x;
endmodule
