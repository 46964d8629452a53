module code_lock (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] key,
    input  wire       kv,
    output reg  [1:0] stage,
    output wire       unlocked
);
    assign unlocked = (stage == 2'd3);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            stage <= 2'd0;
        else if (kv) begin
            case (stage)
                2'd0: stage <= (key == 4'd3) ? 2'd1 : 2'd0;
                2'd1: stage <= (key == 4'd1) ? 2'd2 : (key == 4'd3) ? 2'd1 : 2'd0;
                2'd2: stage <= (key == 4'd2) ? 2'd3 : (key == 4'd3) ? 2'd1 : 2'd0;
                default: stage <= 2'd0;
            endcase
        end
    end
endmodule
