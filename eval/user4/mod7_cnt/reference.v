module mod7_cnt (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    output reg  [2:0] q,
    output wire       tc
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            q <= 3'd0;
        else if (en)
            q <= (q == 3'd6) ? 3'd0 : q + 3'd1;
    end
    assign tc = en && (q == 3'd6);
endmodule
