module pat0101m (
    input  wire clk,
    input  wire rst_n,
    input  wire en,
    input  wire x,
    output wire z
);
    // state = longest suffix of the bits taken in that is a prefix of 0101
    localparam A = 2'd0, B = 2'd1, C = 2'd2, D = 2'd3; // "", "0", "01", "010"
    reg [1:0] st, nx;
    always @* begin
        case (st)
            A: nx = x ? A : B;
            B: nx = x ? C : B;
            C: nx = x ? A : D;
            default: nx = x ? C : B;   // D ("010"): 1 completes 0101, keep "01"
        endcase
    end
    always @(posedge clk) begin
        if (!rst_n)  st <= A;
        else if (en) st <= nx;
    end
    assign z = (st == D) && x;
endmodule
