module prio_arb4 (
  input [3:0] req,
  output [3:0] gnt
);
  assign gnt = req & (~req + 4'd1);
endmodule
