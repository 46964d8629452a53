import { TaskFolderError } from '../corpus/task-files.js';
import { completeTaskFolder } from '../eval/make-testbench.js';
import { parseCommandArgs, UsageError } from './usage.js';

export const TESTBENCH_USAGE = 'testbench TASK_DIR...   write testbench.v and the full metadata.json of hand-written tasks (spec.txt, reference.v, metadata.json hints)';

/** `verispec testbench DIR...`: makes hand-written tasks checkable by `eval --tasks`. */
export async function runTestbench(args: string[]): Promise<void> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length === 0) throw new UsageError('expected at least one task folder');
  const failures: string[] = [];
  for (const dir of positionals) {
    try {
      const m = await completeTaskFolder(dir);
      console.log(`${dir}: ${m.module} (${m.ports.length} ports${m.clock ? `, clock ${m.clock}, reset ${m.reset?.name}` : ''}): testbench.v, metadata.json, run.sh`);
    } catch (error) {
      if (!(error instanceof TaskFolderError)) throw error;
      failures.push(error.message);
    }
  }
  if (failures.length) throw new Error(`${failures.length} of ${positionals.length} tasks not written:\n  ${failures.join('\n  ')}`);
}
