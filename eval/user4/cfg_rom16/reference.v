module cfg_rom16 (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire [3:0] addr,
    output reg  [7:0] dout
);
    reg [7:0] rom_q;
    always @* begin
        case (addr)
            4'h0: rom_q = 8'h3C;  4'h1: rom_q = 8'h7E;  4'h2: rom_q = 8'h81;  4'h3: rom_q = 8'hA5;
            4'h4: rom_q = 8'h00;  4'h5: rom_q = 8'hFF;  4'h6: rom_q = 8'h18;  4'h7: rom_q = 8'h24;
            4'h8: rom_q = 8'h42;  4'h9: rom_q = 8'h99;  4'hA: rom_q = 8'hC3;  4'hB: rom_q = 8'h5A;
            4'hC: rom_q = 8'h0F;  4'hD: rom_q = 8'hF0;  4'hE: rom_q = 8'h66;  default: rom_q = 8'hE7;
        endcase
    end
    always @(posedge clk) begin
        if (rst)
            dout <= 8'h00;
        else if (en)
            dout <= rom_q;
    end
endmodule
