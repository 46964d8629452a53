import { useEffect, useState, type ReactNode } from 'react';
import type { WorkerClient } from '../worker/client.js';
import type { SegmentResult } from '../worker/protocol.js';

const EXAMPLE = `// 8-bit up counter with synchronous reset and enable
module counter #(parameter WIDTH = 8) (
  input  wire             clk,
  input  wire             rst,
  input  wire             en,
  output reg  [WIDTH-1:0] q
);
  always @(posedge clk) begin
    if (rst) q <= {WIDTH{1'b0}};
    else if (en) q <= q + 8'd1;
  end
endmodule
`;

type State =
  | { status: 'working' }
  | { status: 'done'; code: string; result: SegmentResult }
  | { status: 'failed'; message: string };

/** Shows how the segmenter cuts the text into fragments, as the worker computes them. */
export function SyntaxInspector({ client }: { client: WorkerClient }) {
  const [code, setCode] = useState(EXAMPLE);
  const [state, setState] = useState<State>({ status: 'working' });

  useEffect(() => {
    let live = true;
    setState({ status: 'working' });
    const timer = setTimeout(() => {
      client.segment(code).then(
        (result) => live && setState({ status: 'done', code, result }),
        (error: Error) => live && setState({ status: 'failed', message: error.message }),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, code]);

  return (
    <section className="inspector">
      <h2>Fragments</h2>
      <textarea
        id="inspector-source"
        name="inspector-source"
        aria-label="Verilog source"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <div className="status" data-testid="segment-status" data-status={state.status}>
        {state.status === 'working' && 'segmenting…'}
        {state.status === 'failed' && `error: ${state.message}`}
        {state.status === 'done' &&
          `${state.result.fragments.length} fragments, ${state.result.diagnostics.length} syntax errors`}
      </div>
      {state.status === 'done' && <FragmentView code={state.code} result={state.result} />}
    </section>
  );
}

function FragmentView({ code, result }: { code: string; result: SegmentResult }) {
  const pieces: ReactNode[] = [];
  let pos = 0;
  for (const f of result.fragments) {
    if (f.start > pos) pieces.push(code.slice(pos, f.start));
    pieces.push(
      <span key={f.start} className={`frag frag-${f.kind}`} title={f.kind}
        data-kind={f.kind} data-start={f.start} data-end={f.end}>
        {code.slice(f.start, f.end)}
      </span>,
    );
    pos = f.end;
  }
  pieces.push(code.slice(pos));
  return (
    <>
      <pre className="fragments" data-testid="fragments">{pieces}</pre>
      {result.diagnostics.length > 0 && (
        <ul className="diagnostics" data-testid="diagnostics">
          {result.diagnostics.map((d) => (
            <li key={d.start}>{`${d.line}:${d.column} ${d.message}`}</li>
          ))}
        </ul>
      )}
    </>
  );
}
