module pw_meas (
    input  wire       clk,
    input  wire       arst_n,
    input  wire       sig,
    output reg  [7:0] width,
    output reg        done
);
    reg [7:0] cnt;
    reg       prev;
    always @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            cnt   <= 8'd0;
            prev  <= 1'b0;
            width <= 8'd0;
            done  <= 1'b0;
        end else begin
            prev <= sig;
            if (sig)
                cnt <= (cnt == 8'd255) ? cnt : cnt + 8'd1;
            else
                cnt <= 8'd0;
            if (!sig && prev) begin
                width <= cnt;
                done  <= 1'b1;
            end else begin
                done  <= 1'b0;
            end
        end
    end
endmodule
