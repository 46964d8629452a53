import type { Family } from '../family.js';
import { COMBINATIONAL } from './combinational.js';
import { DATAPATH } from './datapath.js';
import { FSM } from './fsm.js';
import { MEMORY } from './memory.js';
import { SEQUENTIAL } from './sequential.js';

/** Every task family, in a stable order. */
export const FAMILIES: readonly Family[] = [...COMBINATIONAL, ...SEQUENTIAL, ...FSM, ...MEMORY, ...DATAPATH];

export function familyByName(name: string): Family {
  const f = FAMILIES.find((x) => x.name === name);
  if (!f) throw new Error(`unknown family '${name}' (see: verispec corpus families)`);
  return f;
}
