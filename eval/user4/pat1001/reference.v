module pat1001 (
    input  wire clk,
    input  wire rst,
    input  wire din,
    output wire found
);
    localparam S0 = 3'd0, S1 = 3'd1, S10 = 3'd2, S100 = 3'd3, S1001 = 3'd4;
    reg [2:0] st, nx;
    always @* begin
        case (st)
            S0:    nx = din ? S1 : S0;
            S1:    nx = din ? S1 : S10;
            S10:   nx = din ? S1 : S100;
            S100:  nx = din ? S1001 : S0;
            S1001: nx = din ? S1 : S10;
            default: nx = S0;
        endcase
    end
    always @(posedge clk or posedge rst) begin
        if (rst) st <= S0;
        else     st <= nx;
    end
    assign found = (st == S1001);
endmodule
