import { runBench } from './bench.js';
import { COMPARE_USAGE, runCompare } from './compare.js';
import { CORPUS_USAGE, runCorpus } from './corpus.js';
import { EVAL_USAGE, runEval } from './eval.js';
import { runGenerate } from './generate.js';
import { runSegment } from './segment.js';
import { runTestbench, TESTBENCH_USAGE } from './testbench.js';
import { UsageError } from './usage.js';

type Command = { summary: string; run: (args: string[]) => Promise<void> };

const COMMANDS: Record<string, Command> = {
  segment: { summary: 'segment FILE [--json]   fragments of a Verilog file', run: runSegment },
  corpus: { summary: CORPUS_USAGE, run: runCorpus },
  generate: { summary: 'generate [--strategy ntp|medusa|syntax] [--model DIR|URL] [--backend node|wasm|webgpu] [--tree JSON] [--growth static|dynamic] [--lookup N] [--names spec|free] [--grammar on|off] [--exemplars CORPUS] [--max-tokens N] [--temperature T --seed S] "spec"', run: runGenerate },
  eval: { summary: EVAL_USAGE, run: runEval },
  compare: { summary: COMPARE_USAGE, run: runCompare },
  testbench: { summary: TESTBENCH_USAGE, run: runTestbench },
  bench: { summary: 'bench [--prompts N] [--specs test|DIR] [--model DIR|URL] [--backend node|wasm|webgpu] [--max-tokens N] [--kv-page N] [--lookup N] [--growth static|dynamic|both] [--names spec|free] [--grammar on|off] [--heads LANE=VARIANT,...] [--datastore CORPUS [--datastore-examples N]] [--json FILE] [--calibrate [--calibrate-specs N]] [--cost [--acceptance DIR] [--spec-tokens 100,500] [--trees 1,4,12,24] [--repeats N] [--check N]]   race the lanes on held-out specs (or a task folder such as eval/user), outputs that end apart from those that hit the cap; --cost: the package size, load, memory, encoder and step cost by tree size, and the projected speed of the lanes', run: runBench },
};

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  verispec ${c.summary}`);
  return ['usage:', ...lines].join('\n');
}

/** Runs one command; returns the process exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const asksHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';
  if (!name || asksHelp(name)) {
    // `verispec help eval`: that command's usage; `verispec help`: all of them.
    const one = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    console.log(one ? `usage:\n  verispec ${one.summary}` : help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`verispec: unknown command '${name}'\n${help()}`);
    return 2;
  }
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    console.log(`usage:\n  verispec ${command.summary}`);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`verispec ${name}: ${error.message}\n  verispec ${command.summary}`);
      return 2;
    }
    console.error(`verispec ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
