module credit_cnt (
    input  wire       clk,
    input  wire       rst,
    input  wire       take,
    input  wire       give,
    output reg  [3:0] credits,
    output wire       avail,
    output wire       full
);
    assign avail = (credits != 4'd0);
    assign full  = (credits == 4'd8);
    always @(posedge clk or posedge rst) begin
        if (rst)
            credits <= 4'd8;
        else if (take && !give && avail)
            credits <= credits - 4'd1;
        else if (give && !take && !full)
            credits <= credits + 4'd1;
    end
endmodule
