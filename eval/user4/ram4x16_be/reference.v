module ram4x16_be (
    input  wire        clk,
    input  wire        rst,
    input  wire        we,
    input  wire [1:0]  be,
    input  wire [1:0]  addr,
    input  wire [15:0] wdata,
    output reg  [15:0] rdata
);
    reg [15:0] mem [0:3];
    integer i;
    always @(posedge clk or posedge rst) begin
        if (rst) begin
            for (i = 0; i < 4; i = i + 1) mem[i] <= 16'd0;
            rdata <= 16'd0;
        end else begin
            rdata <= mem[addr];
            if (we && be[0]) mem[addr][7:0]  <= wdata[7:0];
            if (we && be[1]) mem[addr][15:8] <= wdata[15:8];
        end
    end
endmodule
