import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FAMILIES } from '../corpus/families/index.js';
import { corpusTasks, DEFAULT_PER_SPLIT, normalizeVerilog } from '../corpus/task.js';

/** The training data's references, whitespace-normalised, and where they came from. */
export interface TrainingReferences {
  references: Set<string>;
  source: string;
}

/**
 * What the model was trained on: every output of the corpus's train.jsonl
 * (synthetic and real RTL) when the corpus is at hand, else the synthetic
 * train tasks regenerated (the same code builds them) of `families` (all
 * when undefined). A task whose
 * reference is in here measures recall, not generalisation.
 */
export async function trainingReferences(corpusDir: string, families?: readonly string[]): Promise<TrainingReferences> {
  const file = join(corpusDir, 'train.jsonl');
  const references = new Set<string>();
  if (existsSync(file)) {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim()) references.add(normalizeVerilog((JSON.parse(line) as { output: string }).output));
    }
    return { references, source: file };
  }
  // A family's generator writes only its own designs: the families evaluated are the ones to regenerate.
  const chosen = families ? FAMILIES.filter((f) => families.includes(f.name)) : FAMILIES;
  for (const t of corpusTasks(chosen, { train: DEFAULT_PER_SPLIT.train }).tasks) references.add(normalizeVerilog(t.reference));
  return { references, source: `the synthetic train tasks of ${chosen.length === FAMILIES.length ? 'every family' : chosen.map((f) => f.name).join(', ')} (regenerated: no ${file})` };
}

/** Ids of the tasks whose reference the model saw in training. */
export function tasksInTraining(tasks: readonly { id: string; reference?: string }[], training: TrainingReferences): Set<string> {
  return new Set(tasks.filter((t) => t.reference !== undefined && training.references.has(normalizeVerilog(t.reference))).map((t) => t.id));
}
