module tapdly4 (
    input  wire       clk,
    input  wire       srst_n,
    input  wire [3:0] d,
    input  wire [1:0] tap,
    output reg  [3:0] q
);
    reg [3:0] s0, s1, s2, s3;
    always @(posedge clk) begin
        if (!srst_n) begin
            s0 <= 4'd0; s1 <= 4'd0; s2 <= 4'd0; s3 <= 4'd0;
        end else begin
            s0 <= d; s1 <= s0; s2 <= s1; s3 <= s2;
        end
    end
    always @* begin
        case (tap)
            2'd0: q = s0;
            2'd1: q = s1;
            2'd2: q = s2;
            default: q = s3;
        endcase
    end
endmodule
