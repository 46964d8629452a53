import { FAMILIES, familyByName } from '../corpus/families/index.js';
import { corpusTasks, makeTask, type Split, type Task } from '../corpus/task.js';
import type { TaskFiles } from '../corpus/task-files.js';

/**
 * The tasks of a corpus split: seeds 1..perFamily of every family (or of
 * `families`), exact duplicates dropped, as `corpus build` makes them, so
 * the default is exactly the corpus's test split.
 */
export function splitTasks(split: Split, perFamily: number, families?: readonly string[]): TaskFiles[] {
  const chosen = families ? families.map((name) => familyByName(name)) : FAMILIES;
  return corpusTasks(chosen, { [split]: perFamily }).tasks.map(taskFilesOf);
}

/** What eval reads of a corpus task. */
const taskFilesOf = (t: Task): TaskFiles => ({ id: t.id, spec: t.spec, testbench: t.testbench, reference: t.reference, metadata: t.metadata });

/** A corpus task from its id (`family-split-seed`); undefined where the id names no corpus task. */
export function corpusTaskById(id: string): TaskFiles | undefined {
  const m = /^(.+)-(train|validation|test)-(\d+)$/.exec(id);
  if (!m || !FAMILIES.some((f) => f.name === m[1])) return undefined;
  return taskFilesOf(makeTask(familyByName(m[1]!), Number(m[3]), m[2] as Split));
}

/** The family a task is reported under: its metadata's, else the id up to its last dash-number. */
export function familyOf(task: TaskFiles): string {
  return task.metadata?.family ?? task.id.replace(/-\d+$/, '');
}
