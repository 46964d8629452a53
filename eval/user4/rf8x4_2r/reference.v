module rf8x4_2r (
    input        clk,
    input        rst_n,
    input        we,
    input  [2:0] wa,
    input  [3:0] wd,
    input  [2:0] ra1,
    input  [2:0] ra2,
    output [3:0] rd1,
    output [3:0] rd2
);
    reg [3:0] r [1:7];
    integer i;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (i = 1; i < 8; i = i + 1) r[i] <= 4'd0;
        end else if (we && wa != 3'd0) begin
            r[wa] <= wd;
        end
    end
    assign rd1 = (ra1 == 3'd0) ? 4'd0 : r[ra1];
    assign rd2 = (ra2 == 3'd0) ? 4'd0 : r[ra2];
endmodule
