module step3_cnt (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       dn,
    output reg  [5:0] cnt
);
    always @(posedge clk) begin
        if (rst)
            cnt <= 6'd0;
        else if (en)
            cnt <= dn ? cnt - 6'd3 : cnt + 6'd3;
    end
endmodule
