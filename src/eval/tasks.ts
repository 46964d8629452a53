import { FAMILIES, familyByName } from '../corpus/families/index.js';
import { makeTask, type Split } from '../corpus/task.js';
import type { TaskFiles } from '../corpus/task-files.js';

/**
 * The tasks of a corpus split: seeds 1..perFamily of every family (or of
 * `families`), exact duplicates dropped, as `corpus build` makes them, so
 * the default is exactly the corpus's test split.
 */
export function splitTasks(split: Split, perFamily: number, families?: readonly string[]): TaskFiles[] {
  const chosen = families ? families.map((name) => familyByName(name)) : FAMILIES;
  const seen = new Set<string>();
  const tasks: TaskFiles[] = [];
  for (const family of chosen) {
    for (let seed = 1; seed <= perFamily; seed++) {
      const task = makeTask(family, seed, split);
      const key = `${task.spec}\u0000${task.reference}`;
      if (seen.has(key)) continue;
      seen.add(key);
      tasks.push({ id: task.id, spec: task.spec, testbench: task.testbench, reference: task.reference, metadata: task.metadata });
    }
  }
  return tasks;
}

/** The family a task is reported under: its metadata's, else the id up to its last dash-number. */
export function familyOf(task: TaskFiles): string {
  return task.metadata?.family ?? task.id.replace(/-\d+$/, '');
}
