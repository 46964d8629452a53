import { SPLITS, type Split } from '../corpus/task.js';
import { readTaskFolders, type TaskFiles } from '../corpus/task-files.js';
import type { VerilogSyntax } from '../syntax/index.js';
import { mapLimited } from '../util/concurrency.js';
import { checkDesign, type CheckOptions, type Verdicts } from './check.js';
import type { TaskResult } from './run.js';
import { corpusTaskById } from './tasks.js';

/**
 * Checking a saved report's outputs again, without the model: when the
 * checks change (a testbench that now also times the reset), the outputs a
 * model wrote are the same, and only their verdicts need to be measured again.
 */

/** The tasks a report was measured on, as they are now: by id from a corpus split, or from its task folder. */
export async function tasksOfReport(source: string, ids: readonly string[]): Promise<Map<string, TaskFiles>> {
  const split = /^(\w+) split$/.exec(source)?.[1];
  if (split !== undefined) {
    if (!SPLITS.includes(split as Split)) throw new Error(`the report's tasks come from '${source}', not a corpus split`);
    return new Map(ids.map((id) => {
      const task = corpusTaskById(id);
      if (!task) throw new Error(`'${id}' is not the id of a corpus task`);
      return [id, task];
    }));
  }
  const byId = new Map((await readTaskFolders(source)).map((t) => [t.id, t]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`${source} no longer holds ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
  return byId;
}

/** Every output's verdicts again, against `tasks` (a task's identical outputs checked once); results in the same order. */
export async function recheck(results: readonly TaskResult[], tasks: ReadonlyMap<string, TaskFiles>, syntax: VerilogSyntax, check: CheckOptions,
  jobs: number, onTaskDone?: (r: TaskResult) => void): Promise<TaskResult[]> {
  return mapLimited(results, jobs, async (r) => {
    const task = tasks.get(r.id)!;
    const checked = new Map<string, Promise<Verdicts>>();
    const generations = [];
    for (const g of r.generations) {
      if (!checked.has(g.code)) checked.set(g.code, checkDesign(g.code, task, syntax, check));
      generations.push({ ...g, verdicts: await checked.get(g.code)! });
    }
    const done = { ...r, generations };
    onTaskDone?.(done);
    return done;
  });
}
