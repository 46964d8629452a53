module pri16_lo (
    input  wire [15:0] req,
    output reg  [3:0]  idx,
    output wire [15:0] gnt,
    output wire        valid
);
    integer i;
    always @* begin
        idx = 4'd0;
        for (i = 15; i >= 0; i = i - 1)
            if (req[i]) idx = i[3:0];
    end
    assign valid = |req;
    assign gnt   = req & (~req + 16'd1);
endmodule
