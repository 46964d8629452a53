import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Rows of a JSON-lines file, one at a time (the train split is hundreds of MB). */
export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as T;
}

export async function writeJsonl(path: string, rows: Iterable<unknown>): Promise<void> {
  const stream = createWriteStream(path);
  for (const row of rows) {
    if (!stream.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((r) => stream.once('drain', () => r()));
  }
  await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
}

/** Runs a command, streaming its output to ours; rejects on a non-zero exit. */
function runInherited(command: string, args: string[], cwd = REPO_ROOT): Promise<string> {
  return new Promise((res, rej) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; process.stderr.write(d); });
    child.on('error', rej);
    child.on('close', (code) => (code === 0 ? res(stdout) : rej(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** A module of train/ (`python -m verispec_train.<module>`), in its environment (set up on first use). */
export async function runTrainModule(module: string, args: string[]): Promise<void> {
  const venv = (await runInherited('bash', [join(REPO_ROOT, 'train', 'setup.sh')])).trim().split('\n').pop()!;
  await runInherited(join(venv, 'bin', 'python'), ['-m', `verispec_train.${module}`, ...args], join(REPO_ROOT, 'train'));
}
