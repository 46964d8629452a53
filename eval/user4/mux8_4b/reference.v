module mux8_4b (
  input  [3:0] d0, d1, d2, d3, d4, d5, d6, d7,
  input  [2:0] sel,
  input        en_n,
  output reg [3:0] y
);
    always @* begin
        if (en_n)
            y = 4'b0000;
        else
            case (sel)
                3'd0: y = d0;
                3'd1: y = d1;
                3'd2: y = d2;
                3'd3: y = d3;
                3'd4: y = d4;
                3'd5: y = d5;
                3'd6: y = d6;
                default: y = d7;
            endcase
    end
endmodule
