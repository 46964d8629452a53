/** The line of a tool's log that says what went wrong (yosys prints `ERROR: ...` last), else its last line. */
export function errorLine(log: string): string {
  const lines = log.trim().split('\n');
  return (lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? 'failed').trim();
}
