from verispec_train.dedup import near_duplicates

BASE = """module counter(input clk, input rst, output reg [7:0] q);
  always @(posedge clk) begin
    if (rst) q <= 8'd0;
    else q <= q + 8'd1;
  end
endmodule
"""


def test_exact_and_near_duplicates_are_dropped_first_kept():
    licence_variant = "// Copyright 2020 Someone\n" + BASE
    reformatted = BASE.replace("  ", "\t")
    renamed_one_signal = BASE.replace("q + 8'd1", "q + 8'd2")
    different = "module mux(input a, input b, input s, output y);\n  assign y = s ? b : a;\nendmodule\n"
    keep = near_duplicates([BASE, licence_variant, reformatted, renamed_one_signal, different])
    assert keep == [0, 4]


def test_distinct_modules_all_kept():
    other = "module other(input [3:0] x, output [3:0] z);\n  assign z = ~x + 4'd3;\nendmodule\n"
    assert near_duplicates([BASE, other]) == [0, 1]
