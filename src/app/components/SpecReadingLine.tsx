import type { SpecReading } from '../../engine/spec-names.js';

/** A port as Verilog declares it, with what the spec gives of it: `input [43:0] a`, `sel`. */
function declaration(port: SpecReading['ports'][number]): string {
  const range = port.width !== undefined && port.width > 1 ? `[${port.width - 1}:0] ` : '';
  return `${port.direction ? `${port.direction} ` : ''}${range}${port.name}`;
}

/**
 * What names from the spec read in the spec (the worker asks the engine): the
 * header the decoder is held to, or why it is not, so a person sees how to
 * write a spec the model can be held to.
 */
export function SpecReadingLine({ reading }: { reading: SpecReading }) {
  const module = reading.module.length === 1 ? `module ${reading.module[0]}` : reading.module.length ? `module ${reading.module.join(' or ')}` : 'no module name given (the model picks a word of the spec)';
  return (
    <p className="spec-reading" data-testid="spec-reading" data-held={reading.held}>
      {reading.held
        ? <>Header held to the spec: <code>{module}</code> with <code>{reading.ports.map(declaration).join(', ')}</code></>
        : <>Read from the spec: <code>{module}</code>{reading.ports.length ? <>, ports <code>{reading.ports.map(declaration).join(', ')}</code></> : null}.
          {' '}Give every port a direction (<code>input [7:0] a</code>, <code>clk in</code>, <code>a[3:0] -&gt; y[3:0]</code>) and the header is held to them.</>}
    </p>
  );
}
