module sec_cnt60 (
    input  wire       clk,
    input  wire       clr,
    input  wire       inc,
    output reg  [3:0] ones,
    output reg  [3:0] tens,
    output wire       co
);
    assign co = inc && (tens == 4'd5) && (ones == 4'd9);
    always @(posedge clk or posedge clr) begin
        if (clr) begin
            ones <= 4'd0;
            tens <= 4'd0;
        end else if (inc) begin
            if (ones == 4'd9) begin
                ones <= 4'd0;
                tens <= (tens == 4'd5) ? 4'd0 : tens + 4'd1;
            end else begin
                ones <= ones + 4'd1;
            end
        end
    end
endmodule
