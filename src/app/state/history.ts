/** A finished race, kept on this device so a person can go back to it (its permalink reproduces it). */
export interface RaceRecord {
  /** When it finished (ms since the epoch). */
  at: number;
  /** The spec's first line, shortened. */
  title: string;
  /** The permalink's hash (`#r=...`). */
  hash: string;
  /** The verdict in a few words: each speculative lane's speedup. */
  summary: string;
}

export const HISTORY_KEY = 'verispec-races-v1';
export const HISTORY_SIZE = 12;

/** The spec as a one-line title. */
export function raceTitle(spec: string): string {
  const line = spec.trim().split('\n').find((l) => l.trim()) ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** The list with `record` first; an older entry of the same race (same permalink) is dropped, and the oldest beyond the size. */
export function addRace(list: readonly RaceRecord[], record: RaceRecord): RaceRecord[] {
  return [record, ...list.filter((r) => r.hash !== record.hash)].slice(0, HISTORY_SIZE);
}

const isRecord = (r: unknown): r is RaceRecord => {
  const x = r as Partial<RaceRecord> | null;
  return typeof x === 'object' && x !== null && typeof x.at === 'number' && typeof x.title === 'string'
    && typeof x.hash === 'string' && x.hash.startsWith('#r=') && typeof x.summary === 'string';
};

/** The stored list; anything unreadable (another version, a full or missing storage) is an empty one. */
export function loadRaces(storage: Pick<Storage, 'getItem'> | undefined): RaceRecord[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecord).slice(0, HISTORY_SIZE) : [];
  } catch {
    return [];
  }
}

/** Stores the list; without storage (private mode) the history lasts as long as the page. */
export function saveRaces(storage: Pick<Storage, 'setItem'> | undefined, list: readonly RaceRecord[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch {
    // Quota or no storage: nothing is lost but the next visit's list.
  }
}
