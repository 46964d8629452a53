import { useEffect, useState } from 'react';
import { WorkerClient } from '../worker/client.js';
import { RacePanel } from './RacePanel.js';
import { SyntaxInspector } from './SyntaxInspector.js';

export function App() {
  const [client, setClient] = useState<WorkerClient | null>(null);
  useEffect(() => {
    const c = new WorkerClient();
    setClient(c);
    return () => c.terminate();
  }, []);
  return (
    <main className="app">
      <header>
        <h1>VeriSpec</h1>
        <p>Syntax-aware speculative decoding of Verilog, in your browser.</p>
      </header>
      {client && <RacePanel client={client} />}
      {client && <SyntaxInspector client={client} />}
    </main>
  );
}
