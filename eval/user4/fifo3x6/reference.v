module fifo3x6 (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire [5:0] din,
    input  wire       rd,
    output wire [5:0] dout,
    output wire       full,
    output wire       empty,
    output reg  [1:0] count
);
    reg [5:0] m0, m1, m2;   // m0 is the oldest
    assign full  = (count == 2'd3);
    assign empty = (count == 2'd0);
    assign dout  = empty ? 6'd0 : m0;
    wire do_wr = wr && !full;
    wire do_rd = rd && !empty;
    always @(posedge clk) begin
        if (rst) begin
            count <= 2'd0;
            m0 <= 6'd0; m1 <= 6'd0; m2 <= 6'd0;
        end else begin
            if (do_rd) begin
                m0 <= m1;
                m1 <= m2;
            end
            if (do_wr) begin
                case (do_rd ? count - 2'd1 : count)
                    2'd0: m0 <= din;
                    2'd1: m1 <= din;
                    default: m2 <= din;
                endcase
            end
            count <= count + (do_wr ? 2'd1 : 2'd0) - (do_rd ? 2'd1 : 2'd0);
        end
    end
endmodule
