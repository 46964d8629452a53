module rr_xing (
    input  wire clk,
    input  wire rst_n,
    input  wire train,
    output wire lamp,
    output wire gate_dn
);
    localparam IDLE = 2'd0, WARN = 2'd1, DOWN = 2'd2, CLEAR = 2'd3;
    reg [1:0] st;
    reg [1:0] t;   // cycles already spent in the state (WARN, CLEAR)
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= IDLE;
            t  <= 2'd0;
        end else begin
            case (st)
                IDLE: begin
                    t <= 2'd0;
                    if (train) st <= WARN;
                end
                WARN: begin
                    if (t == 2'd2) begin st <= DOWN; t <= 2'd0; end
                    else t <= t + 2'd1;
                end
                DOWN: begin
                    t <= 2'd0;
                    if (!train) st <= CLEAR;
                end
                default: begin // CLEAR
                    if (train) begin st <= DOWN; t <= 2'd0; end
                    else if (t == 2'd1) begin st <= IDLE; t <= 2'd0; end
                    else t <= t + 2'd1;
                end
            endcase
        end
    end
    assign lamp    = (st != IDLE);
    assign gate_dn = (st == DOWN);
endmodule
