module presc8 (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] div,
    output reg  [7:0] cnt,
    output wire       tick
);
    assign tick = (cnt >= div);
    always @(posedge clk) begin
        if (rst)
            cnt <= 8'd0;
        else if (tick)
            cnt <= 8'd0;
        else
            cnt <= cnt + 8'd1;
    end
endmodule
